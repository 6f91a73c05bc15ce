#!/usr/bin/env python3
"""Server time of each page, as a signed-in person gets it: signs in at the identity provider through the pages'
own login (as a browser does), warms each page once, then asks it N times and prints the median and the 95th
percentile. Run against a started Rasad (./run.sh --demo=…), e.g.

    python3 scripts/page-timings.py manager 20

Figures are wall-clock times from this client to the last byte: server time plus the loopback, on this machine."""
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

BASE = "http://127.0.0.1:8080"
PAGES = {
    "manager": ["/", "/?toMonth=6", "/banks", "/quotas", "/approvals", "/alerts", "/alerts?severity=HIGH&sort=-age",
                "/alerts/heat", "/cases?name=%D9%85%D8%B1%DB%8C%D9%85", "/exports/banks.xlsx",
                "/meeting-pack.pdf?toMonth=6"],
    "auditor": ["/audit", "/audit/access-log", "/cases?nationalId=0499370899"],
    "admin": ["/admin/processors", "/admin/staff", "/admin/alert-rules", "/admin/planning", "/admin/reference-data"],
}

opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def fetch(path):
    started = time.perf_counter()
    with opener.open(BASE + path) as answer:
        answer.read()
        return answer.status, (time.perf_counter() - started) * 1000


def sign_in(user):
    with opener.open(BASE + "/") as login:
        page = login.read().decode("utf-8", "replace")
        token = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', page)
        form = urllib.parse.urlencode({"username": user, "password": user, "_csrf": token.group(1)}).encode()
        with opener.open(login.geturl(), form) as landed:
            landed.read()


def main():
    user = sys.argv[1] if len(sys.argv) > 1 else "manager"
    times = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    sign_in(user)
    print(f"{'page (' + user + ')':44} {'status':>6} {'median ms':>10} {'p95 ms':>8}")
    for path in PAGES[user]:
        status, _ = fetch(path)
        samples = sorted(fetch(path)[1] for _ in range(times))
        p95 = samples[min(len(samples) - 1, int(round(0.95 * len(samples))) - 1)]
        print(f"{path:44} {status:>6} {statistics.median(samples):>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
