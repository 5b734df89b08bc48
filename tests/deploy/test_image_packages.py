"""The image builds with the same libraries as a checkout: every development package the project's
package list names for the build (scripts/apt-packages.txt) is installed in the Dockerfile's build
stage, and the runtime stage has the system time zones the song statistics read. A library added
to the list and forgotten here breaks only `docker build`, which runs in the smoke test alone."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
# Test-only libraries that the image never builds.
NOT_IN_IMAGE = {"libgtest-dev", "libclang-rt-14-dev"}


def listed_dev_packages():
    packages = []
    for line in (root / "scripts/apt-packages.txt").read_text().splitlines():
        words = line.split("#", 1)[0].split()
        if words and words[0].endswith("-dev") and words[0] not in NOT_IN_IMAGE:
            packages.append(words[0])
    return packages


def stage_packages(dockerfile, stage):
    """The words of the `apt-get install` lines in one stage of the Dockerfile."""
    match = re.search(rf"^FROM \S+ AS {stage}$(.*?)(?=^FROM |\Z)", dockerfile, re.M | re.S)
    if not match:
        sys.exit(f"Dockerfile: no stage named {stage}")
    body = match.group(1).replace("\\\n", " ")
    words = set()
    for install in re.findall(r"apt-get install ([^&\n]*)", body):
        words.update(install.split())
    return words


def main():
    dockerfile = (root / "Dockerfile").read_text()
    build = stage_packages(dockerfile, "build")
    runtime = stage_packages(dockerfile, "runtime")
    problems = [f"build stage lacks {p}" for p in listed_dev_packages() if p not in build]
    problems += [f"runtime stage lacks {p}" for p in ("tzdata",) if p not in runtime]
    for problem in problems:
        print(f"Dockerfile: {problem} (scripts/apt-packages.txt lists it)")
    if problems:
        sys.exit(1)
    print(f"Dockerfile: the build stage has all {len(listed_dev_packages())} development packages")


if __name__ == "__main__":
    main()
