"""One file through the app's sync layer, as its own process, so its memory can be measured alone.

``python -m benchmarks.upload_client URL FILE STATE`` (token in ``$PORTAL_TOKEN``, never on a
command line other users can read) uploads FILE with the sync layer's tus
client (the same code the outbox engine uses). STATE is a small JSON file playing the outbox: the
upload URL is written there before the first byte and the offset after each chunk, so a killed
run started again resumes. Prints JSON lines: ``start`` (offset the server already held),
``progress`` (bytes, throttled) and ``done`` (bytes sent by this process, seconds, peak RSS).
Used by tests/sync/test_sync_big_upload.py and benchmarks/bench_upload.py.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.uploads import DEFAULT_CHUNK, UploadJob

PROGRESS_EVERY = 16 * 1024 * 1024


def _say(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


def peak_rss_bytes() -> int:
    """Peak resident memory of this process.

    On Linux, VmHWM of /proc/self/status: ru_maxrss survives exec and so reports the high-water
    mark of the (possibly big) process that forked us, e.g. a long pytest run.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="upload_client")
    parser.add_argument("url")
    parser.add_argument("file", type=Path)
    parser.add_argument("state", type=Path)
    parser.add_argument("--chunk", type=int, default=DEFAULT_CHUNK)
    args = parser.parse_args(argv)
    state = json.loads(args.state.read_text()) if args.state.exists() else {}
    client = ReviewQueueClient(ConnectionOptions(args.url, read_timeout=300),
                               token=os.environ["PORTAL_TOKEN"], chunk_size=args.chunk)
    size = args.file.stat().st_size
    job = UploadJob(open=lambda: args.file.open("rb"), size=size, filename=args.file.name,
                    url=state.get("url"))
    start = client.uploader.offset(job.url) if job.url else 0
    _say(event="start", offset=start)
    last = [start]

    def save(**changes: Any) -> None:
        state.update(changes)
        args.state.write_text(json.dumps(state))

    def progress(sent: int, _total: int) -> None:
        if sent - last[0] >= PROGRESS_EVERY:
            last[0] = sent
            _say(event="progress", sent=sent)

    began = time.perf_counter()
    upload_id = client.upload(job, on_url=lambda url: save(url=url),
                              on_offset=lambda offset: save(offset=offset), progress=progress)
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_SELF)
    _say(event="done", upload_id=upload_id, sent=size - start, seconds=seconds,
         peak_rss=peak_rss_bytes(), cpu_seconds=usage.ru_utime + usage.ru_stime)
    return 0


if __name__ == "__main__":
    sys.exit(main())
