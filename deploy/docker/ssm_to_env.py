#!/usr/bin/env python3
"""Reads AWS SSM parameters under one or more paths and prints them as
shell `export` lines for the entrypoint to eval.

usage: ssm_to_env.py PATH[,PATH...]

A path without its leading slash (the original guide's AWS_SSM_PREFIX, used
as /PREFIX/NAME there) is read as if it had one.

Pages through `aws ssm get-parameters-by-path` (recursive, decrypted) with
the CLI's own NextToken. The variable name is the last segment of the
parameter name. Variables already in the environment with a value are
never overridden (an empty one counts as unset, as nicecream reads it), and among the paths the first one listed wins. Values go only
to stdout, shell-quoted; stderr gets names, never values.
"""

import json
import os
import re
import shlex
import subprocess
import sys

PAGE_SIZE = "50"
VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def log(message):
    print(f"entrypoint: ssm: {message}", file=sys.stderr)


def read_page(path, token):
    command = [
        "aws", "ssm", "get-parameters-by-path",
        "--path", path,
        "--recursive",
        "--with-decryption",
        "--max-items", PAGE_SIZE,
        "--output", "json",
    ]
    if token:
        command += ["--starting-token", token]
    result = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    if result.returncode != 0:
        # The CLI has already explained itself on stderr.
        raise SystemExit(f"entrypoint: ssm: could not read parameters under {path}")
    try:
        return json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        raise SystemExit(f"entrypoint: ssm: unreadable answer for {path}") from None


def parameters_under(path):
    token = None
    while True:
        page = read_page(path, token)
        yield from page.get("Parameters", [])
        token = page.get("NextToken")
        if not token:
            return


def exports_for(paths, environment):
    """Returns (name, value) pairs to export, logging each decision by name."""
    chosen = {}
    for path in paths:
        loaded = 0
        for parameter in parameters_under(path):
            name = parameter.get("Name", "").rsplit("/", 1)[-1]
            if not VARIABLE_NAME.match(name):
                log(f"skipped {parameter.get('Name', '?')!r}: not a valid variable name")
            elif environment.get(name):
                log(f"kept {name}: already set in the environment")
            elif name in chosen:
                log(f"kept {name}: already loaded from an earlier parameter")
            else:
                chosen[name] = parameter.get("Value", "")
                loaded += 1
                log(f"loaded {name} from {path}")
        log(f"{loaded} loaded from {path}")
    return chosen.items()


def main(argv):
    if len(argv) != 2:
        raise SystemExit("usage: ssm_to_env.py PATH[,PATH...]")
    paths = ["/" + path.strip().lstrip("/") for path in argv[1].split(",") if path.strip()]
    if not paths:
        raise SystemExit("entrypoint: ssm: AWS_SSM_PREFIX names no path")
    for name, value in exports_for(paths, os.environ):
        print(f"export {name}={shlex.quote(value)}")


if __name__ == "__main__":
    main(sys.argv)
