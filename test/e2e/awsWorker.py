# The real aws CLI (v1), run in one Python process for many commands: each request is a fresh
# `aws` invocation — a new CLI driver and botocore session, the command's own environment, its
# stdout, stderr and exit status captured — without paying Python's start-up and awscli's imports
# (about a second) each time. Requests and answers are JSON lines on stdin and stdout.
import contextlib
import io
import json
import os
import sys

from awscli.clidriver import create_clidriver

# awscli adds its own data folder to AWS_DATA_PATH when it is imported; every command needs it.
DATA_PATH = os.environ["AWS_DATA_PATH"]
answers = sys.stdout

for line in sys.stdin:
    request = json.loads(line)
    os.environ.clear()
    os.environ.update(request["env"])
    os.environ["AWS_DATA_PATH"] = DATA_PATH
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = create_clidriver().main(request["args"])
        except SystemExit as e:
            status = e.code if isinstance(e.code, int) else 1
        except Exception as e:  # the CLI's own fault: reported as the process would, with status 255
            err.write(f"{type(e).__name__}: {e}\n")
            status = 255
    answers.write(json.dumps({"status": status or 0, "stdout": out.getvalue(), "stderr": err.getvalue()}) + "\n")
    answers.flush()
