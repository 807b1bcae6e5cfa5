"""Work done in a forked child process, its result sent back pickled through a pipe.

For batch jobs only (the CLI's `claims --batch`): the child inherits the loaded pipeline instead of
loading or unpickling it, and sends back plain records, not Docs. Never in a process with threads
that hold locks (the Streamlit app): forking copies only the calling thread.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    """`work()` running in a child started now; `result()` waits for it: its value, or None when
    the child could not give one (it raised, was killed, or could not be started)."""

    def __init__(self, work: Callable[[], T]):
        self.pid = 0
        try:
            self.read, write = os.pipe()
        except OSError:
            return
        try:
            self.pid = os.fork()
        except OSError:
            os.close(self.read)
            os.close(write)
            return
        if self.pid == 0:  # the child: never returns into the caller's code
            code = 1
            try:
                os.close(self.read)
                data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)  # no atexit handlers, no flush of buffers the parent also holds
        os.close(write)

    def result(self) -> T | None:
        if self.pid <= 0:
            return None
        with os.fdopen(self.read, "rb") as inp:
            data = inp.read()  # read all before waiting: the child blocks on a full pipe
        _pid, status = os.waitpid(self.pid, 0)
        self.pid = -1
        if status != 0 or not data:
            return None
        return pickle.loads(data)
