#!/usr/bin/env python3
"""One connection, one request at a time: replays the searches of a file (one per line) under a
path prefix for a given time, and times each request from its sending to the last byte of its
answer. Used for the 1-connection rows of bench/people/run.sh instead of wrk, whose latency
figures at one connection did not add up on this machine (wrk 4.1.0: a mean latency times the
number of requests longer than the run itself; see bench/README.md, issue 3, « namesearch »).

Prints one markdown row fragment: requests/s | p50 | p99 | non-2xx, and writes every request
(query, ms, status, bytes) to --out, and the slowest queries (median over their passes) to
--slowest.

  serial.py --url http://127.0.0.1:18180 --prefix '/personnes?q=' --queries queries.txt \
      --cookie 'parcours_session=…' --seconds 10 --out requests.tsv --slowest slowest.txt
"""
import argparse
import http.client
import statistics
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--cookie", default="")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--out")
    parser.add_argument("--slowest")
    args = parser.parse_args()

    queries = [line.rstrip("\n") for line in open(args.queries, encoding="utf-8") if line.strip()]
    target = urllib.parse.urlsplit(args.url)
    conn = http.client.HTTPConnection(target.hostname, target.port)
    headers = {"Cookie": args.cookie} if args.cookie else {}
    timings = []  # (query, ms, status, bytes)
    start = time.perf_counter()
    position = 0
    while time.perf_counter() - start < args.seconds:
        query = queries[position % len(queries)]
        position += 1
        path = args.prefix + urllib.parse.quote(query, safe="")
        sent = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        timings.append((query, (time.perf_counter() - sent) * 1000, response.status, len(body)))
    elapsed = time.perf_counter() - start

    ms = sorted(t[1] for t in timings)
    at = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
    non2xx = sum(1 for t in timings if not 200 <= t[2] < 300)
    print(f"{len(ms) / elapsed:.2f} | {at(0.5):.2f}ms | {at(0.99):.2f}ms | {non2xx}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            for query, took, status, size in timings:
                out.write(f"{query}\t{took:.3f}\t{status}\t{size}\n")
    if args.slowest:
        by_query = {}
        for query, took, _, _ in timings:
            by_query.setdefault(query, []).append(took)
        ranked = sorted(by_query.items(), key=lambda kv: statistics.median(kv[1]), reverse=True)
        with open(args.slowest, "w", encoding="utf-8") as out:
            for query, took in ranked[:15]:
                out.write(f"{statistics.median(took):.2f} ms (médiane sur {len(took)}) : {query}\n")


if __name__ == "__main__":
    main()
