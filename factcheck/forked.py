"""Work done in a forked child process, its result sent back pickled through a pipe.

For batch jobs (`claims --batch`, a first check of many claims): the child inherits the loaded
pipeline or catalogue instead of loading or unpickling it, and sends back plain records. Never
in a process running other Python threads (the Streamlit app): forking copies only the calling
thread, so no child is started there and the caller does the work itself.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cycle collection while a batch builds many short records and frees few (a first
    check makes some 100,000 claims and their rows): each full collection walks everything the
    batch holds, finds nothing, and took a fifth of the batch's time. Nested uses are safe."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Forked(Generic[T]):
    """`work()` running in a child started now; `result()` waits for it: its value, or None when
    the child could not give one (it raised, was killed, or could not be started)."""

    def __init__(self, work: Callable[[], T]):
        self.pid = 0
        if threading.active_count() > 1:
            return  # another thread may hold a lock the child would wait on forever
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
