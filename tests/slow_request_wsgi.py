"""`wsgi:app` plus a request that takes a while (tests/test_deployment.py stops the server during it)."""
import time
from pathlib import Path

from flask import request

from wsgi import app


@app.get("/slow")
def slow():
    Path(request.args["started"]).touch()  # the test stops the server once this file exists
    time.sleep(float(request.args.get("seconds", "2")))  # cooperative: gunicorn's gevent worker patches time
    return "finished"
