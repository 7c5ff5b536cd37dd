#!/usr/bin/python3
"""Writes a deterministic benchmark corpus of N digests for digestif and Hugo.

Usage: generate_corpus.py N OUTDIR [--seed S]

OUTDIR/content/digests/YYYY-MM-DD-<subreddit>.md  the digests, shaped like the real ones
OUTDIR/site.yaml                                  the digestif project (page_size 10, feed_size 20)
OUTDIR/hugo/config.toml, OUTDIR/hugo/layouts/     the Hugo project (copied from bench/hugo-site),
                                                  reading the same content/ folder

The same N and seed give the same bytes. Standard library only.
"""

import argparse
import datetime
import os
import random
import shutil
import sys

SUBREDDITS = [
    ("claudeai", "ClaudeAI", "ClaudeAI Subreddit"),
    ("dataengineering", "dataengineering", "Data Engineering Subreddit"),
    ("datascience", "datascience", "Data Science Subreddit"),
    ("localllama", "LocalLLaMA", "LocalLLaMA Subreddit"),
    ("machinelearning", "MachineLearning", "Machine Learning Subreddit"),
    ("openai", "OpenAI", "OpenAI Subreddit"),
    ("singularity", "singularity", "Singularity Subreddit"),
    ("stablediffusion", "StableDiffusion", "Stable Diffusion Subreddit"),
]

# About 60 tags, most frequent first (drawn with Zipf-like weights). No two differ only by case
# or punctuation, so both tools see the same set of tags.
TAGS = [
    "AI", "reddit", "analysis", "LLM", "machinelearning", "technology", "image generation",
    "data engineering", "Language Models", "ChatGPT", "deeplearning", "Local Models", "AGI",
    "research", "Claude", "data science", "chatbots", "NLP", "open source", "stablediffusion",
    "singularity", "coding", "Tools", "robotics", "GPU", "benchmarks", "fine-tuning", "agents",
    "computer vision", "ethics", "safety", "startups", "careers", "education", "hardware",
    "inference", "quantization", "diffusion", "prompting", "automation", "SQL", "Python",
    "cloud", "databases", "pipelines", "statistics", "visualization", "reinforcement learning",
    "transformers", "multimodal", "video generation", "audio", "regulation", "economics",
    "science", "healthcare", "finance", "gaming", "privacy", "APIs",
]

FLAIRS = ["[D] ", "[R] ", "[P] ", "[Discussion] ", "[N] "]

WORDS = (
    "model models training data users thread discussion people prompt prompts code coding "
    "release new open source local performance benchmark results paper research team company "
    "pipeline query queries latency cost costs GPU memory context window tokens fine-tuning "
    "dataset datasets evaluation accuracy agent agents tool tools workflow image images video "
    "quality speed hardware inference quantization weights license community feature features "
    "update updates version limits limit usage API support issue issues problem problems "
    "solution solutions approach approaches experience experiences job jobs career interview "
    "market future progress safety alignment regulation policy debate concern concerns "
    "opinion opinions question questions answer answers example examples project projects "
    "library framework frameworks cluster server servers cloud storage warehouse schema "
    "table tables metric metrics test tests production deployment scale scaling reasoning "
    "math science startup startups investment hype reality claim claims evidence demo "
    "comparison alternative alternatives upgrade price pricing subscription plan plans "
    "interface editor terminal script scripts notebook notebooks lake stream streaming"
).split()

VERBS = (
    "discuss debate share compare question praise criticize explain suggest report note argue "
    "describe highlight recommend doubt expect welcome test"
).split()

EMOTIONS = [
    "The emotional tone is mostly positive, with excitement and curiosity about {a} and some "
    "cautious optimism about {b}.",
    "The emotional tone is primarily negative, with frustration, skepticism and disappointment "
    "about {a}, and a few neutral comments explaining {b}.",
    "The emotional tone is neutral with a mix of interest and skepticism; some users express "
    "admiration for the {a}, while others are concerned about the {b}.",
    "The emotional tone is mixed: enthusiasm about {a} sits next to worry about {b}.",
    "The emotional tone is neutral.",
]


def sentence(rng, lo, hi):
    """One sentence of lo..hi words, capitalized, ending with a period."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    if len(words) > 4:
        words.insert(2, rng.choice(VERBS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def thread_title(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 9))]
    title = " ".join(words)
    title = title[0].upper() + title[1:]
    if rng.random() < 0.3:
        title += "?"
    if rng.random() < 0.35:
        title = rng.choice(FLAIRS) + title
    return title


def base36(rng, length):
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    return "".join(rng.choice(alphabet) for _ in range(length))


def thread_url(rng, sub_path, title):
    kind = rng.random()
    if kind < 0.08:
        return "https://i.redd.it/%s.png" % base36(rng, 13)
    if kind < 0.12:
        return "https://www.reddit.com/gallery/%s" % base36(rng, 7)
    slug = "".join(c if c.isalnum() else "_" for c in title.lower())
    slug = "_".join(part for part in slug.split("_") if part)[:50].rstrip("_")
    return "https://www.reddit.com/r/%s/comments/%s/%s/" % (sub_path, base36(rng, 7), slug)


def make_threads(rng, sub_path):
    count = rng.randint(6, 10)
    scores = sorted((int(rng.paretovariate(1.2) * 3) - 3 for _ in range(count)), reverse=True)
    threads = []
    for score in scores:
        title = thread_title(rng)
        threads.append({
            "title": title,
            "url": thread_url(rng, sub_path, title),
            "score": score,
            "blurb": sentence(rng, 8, 16),
            "summary": " ".join(sentence(rng, 12, 20) for _ in range(2)),
            "emotion": rng.choice(EMOTIONS).format(a=rng.choice(WORDS), b=rng.choice(WORDS)),
            "views": [sentence(rng, 5, 12) for _ in range(rng.randint(2, 3))],
        })
    return threads


def render_digest(date, sub, tags, threads):
    name, sub_path, title = sub
    out = [
        "---",
        'title: "%s"' % title,
        'date: "%s"' % date.isoformat(),
        'description: "Analysis of top discussions and trends in the %s subreddit"' % name,
        "tags: [%s]" % ", ".join('"%s"' % t for t in tags),
        "---",
        "",
        "# Overall Ranking and Top Discussions",
    ]
    for rank, t in enumerate(threads, 1):
        out.append("%-3s [%s](%s) (Score: %d)" % ("%d." % rank, t["title"], t["url"], t["score"]))
        out.append("    *   " + t["blurb"])
        out.append("")
    out.append("# Detailed Analysis by Thread")
    for t in threads:
        out.append("**[%s (Score: %d)](%s)**" % (t["title"], t["score"], t["url"]))
        out.append("*  **Summary:** " + t["summary"])
        out.append("*  **Emotion:** " + t["emotion"])
        out.append("*  **Top 3 Points of View:**")
        for view in t["views"]:
            out.append("    *   " + view)
        out.append("")
    return "\n".join(out)


def zipf_tags(rng, weights):
    chosen = []
    while len(chosen) < 3:
        tag = rng.choices(TAGS, weights)[0]
        if tag not in chosen:
            chosen.append(tag)
    return chosen


def digests(n, seed):
    """Yields (file name, text) for n digests: 1 to 5 subreddits a day, going back in time
    from 2026-06-30, so that none is in the future."""
    rng = random.Random(seed)
    weights = [1.0 / (rank ** 1.1) for rank in range(1, len(TAGS) + 1)]
    day = datetime.date(2026, 6, 30)
    made = 0
    while made < n:
        subs = rng.sample(SUBREDDITS, min(rng.randint(1, 5), n - made))
        for sub in sorted(subs):
            threads = make_threads(rng, sub[1])
            text = render_digest(day, sub, zipf_tags(rng, weights), threads)
            yield "%s-%s.md" % (day.isoformat(), sub[0]), text
            made += 1
        day -= datetime.timedelta(days=1)


SITE_YAML = """# Benchmark site: {n} generated digests (bench/generate_corpus.py, seed {seed}).
title: "Digest Bench"
description: "Generated daily digests of AI subreddits, for benchmarking."
base_url: "https://example.org/"
language: en
author: "digestif bench"
themes: "{themes}"
theme: default
content: content
output: public
page_size: 10
feed_size: 20
permalink: "/:year/:month/:day/:slug/"
"""


def write_projects(n, outdir, seed, themes):
    digest_dir = os.path.join(outdir, "content", "digests")
    if os.path.isdir(os.path.join(outdir, "content")):
        shutil.rmtree(os.path.join(outdir, "content"))
    os.makedirs(digest_dir)
    total = 0
    for name, text in digests(n, seed):
        data = text.encode("utf-8")
        total += len(data)
        with open(os.path.join(digest_dir, name), "wb") as f:
            f.write(data)
    with open(os.path.join(outdir, "site.yaml"), "w") as f:
        f.write(SITE_YAML.format(n=n, seed=seed, themes=themes))
    hugo_src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hugo-site")
    hugo_dir = os.path.join(outdir, "hugo")
    if os.path.isdir(hugo_dir):
        shutil.rmtree(hugo_dir)
    shutil.copytree(hugo_src, hugo_dir)
    return total


def main():
    parser = argparse.ArgumentParser(description="Write a deterministic benchmark corpus.")
    parser.add_argument("n", type=int, help="number of digests")
    parser.add_argument("outdir", help="folder to write the projects into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    repo_themes = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "themes")
    parser.add_argument("--themes", default=repo_themes,
                        help="digestif's themes folder (default: this repository's themes/)")
    args = parser.parse_args()
    if args.n < 1:
        sys.exit("generate_corpus.py: N must be at least 1")
    total = write_projects(args.n, args.outdir, args.seed, os.path.abspath(args.themes))
    print("%d digests, %.1f MB, mean %.0f bytes each" % (args.n, total / 1e6, total / args.n))


if __name__ == "__main__":
    main()
