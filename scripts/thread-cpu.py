#!/usr/bin/env python3
"""Run a command and report its wall time and the CPU time of each of its threads (sampled
from /proc every 0.2 s): shows how evenly a batch splits its work over `-j N` threads."""
import os, subprocess, sys, time
cmd = sys.argv[1:]
t0 = time.time()
p = subprocess.Popen(cmd)
last = {}
tck = os.sysconf('SC_CLK_TCK')
while p.poll() is None:
    try:
        for t in os.listdir(f'/proc/{p.pid}/task'):
            with open(f'/proc/{p.pid}/task/{t}/stat') as f:
                parts = f.read().rsplit(')', 1)[1].split()
            last[t] = (int(parts[11]) + int(parts[12])) / tck
    except (FileNotFoundError, ProcessLookupError):
        pass
    time.sleep(0.2)
wall = time.time() - t0
busy = sorted(last.values(), reverse=True)
print(f"wall {wall:.1f}s; CPU per thread (s): {[round(b,1) for b in busy]}; total {sum(busy):.1f}s")
