"""Test helper: a copy of a digestif project in a temporary folder, and running digestif on it."""
import json
import os
import re
import shutil
import subprocess
import tempfile


def file_tree(folder):
    """{relative path: bytes} of every file under folder."""
    files = {}
    for top, _, names in os.walk(folder):
        for name in names:
            full = os.path.join(top, name)
            with open(full, "rb") as f:
                files[os.path.relpath(full, folder)] = f.read()
    return files


class SiteFixture:
    """Copies site.yaml, content/ and themes/ of `source` into a fresh temporary project."""

    def __init__(self, digestif, source):
        self.digestif = digestif
        self.root = tempfile.mkdtemp(prefix="digestif-test-")
        shutil.copy(os.path.join(source, "site.yaml"), self.root)
        for folder in ("content", "themes"):
            shutil.copytree(os.path.join(source, folder), os.path.join(self.root, folder))

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def write(self, relative, text):
        """Writes a file of the project (bytes or text)."""
        full = self.path(relative)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        mode = "wb" if isinstance(text, bytes) else "w"
        with open(full, mode) as f:
            f.write(text)

    def read(self, relative):
        with open(self.path(relative), encoding="utf-8") as f:
            return f.read()

    def run(self, *args):
        """Runs digestif in the project folder; returns (exit code, stdout, stderr)."""
        done = subprocess.run([self.digestif, *args], cwd=self.root, capture_output=True,
                              text=True, timeout=120)
        return done.returncode, done.stdout, done.stderr

    def site_files(self, out="site"):
        """Every file under the output folder, as relative paths, with its bytes."""
        return file_tree(self.path(out))

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)


def assert_same_site(test, built, clean):
    """Two output trees ({relative path: bytes}) hold the same files with the same bytes (their
    manifests apart, which record the order files were written in)."""
    manifests = (".digestif-manifest",)
    built = {k: v for k, v in built.items() if k not in manifests}
    clean = {k: v for k, v in clean.items() if k not in manifests}
    test.assertEqual(sorted(built), sorted(clean))
    for path in built:
        test.assertEqual(built[path], clean[path], path)


def corpus_dir(source):
    """The real digest corpus beside the repository (REPO/../shared/corpus), or None."""
    path = os.path.normpath(os.path.join(source, "..", "shared", "corpus"))
    return path if os.path.isdir(os.path.join(path, "digests")) else None


def make_corpus_project(source, root, own_theme=False):
    """Writes root/site.yaml from tests/sites/corpus/site.yaml with absolute content and themes
    folders (a copy of the themes when own_theme, so a test may edit them); returns its path."""
    with open(os.path.join(source, "tests", "sites", "corpus", "site.yaml"), encoding="utf-8") as f:
        text = f.read()
    themes = os.path.join(source, "themes")
    if own_theme:
        themes = os.path.join(root, "themes")
        shutil.copytree(os.path.join(source, "themes"), themes)
    digests = os.path.join(corpus_dir(source), "digests")
    text = re.sub(r"(?m)^content:.*$", "content: " + json.dumps(digests), text)
    text = re.sub(r"(?m)^themes:.*$", "themes: " + json.dumps(themes), text)
    config = os.path.join(root, "site.yaml")
    with open(config, "w", encoding="utf-8") as f:
        f.write(text)
    return config
