"""Test helper: a copy of a digestif project in a temporary folder, and running digestif on it."""
import os
import shutil
import subprocess
import tempfile


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
        files = {}
        top = self.path(out)
        for folder, _, names in os.walk(top):
            for name in names:
                full = os.path.join(folder, name)
                with open(full, "rb") as f:
                    files[os.path.relpath(full, top)] = f.read()
        return files

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)
