#!/usr/bin/env python3
"""Drives the Baoxue dashboard in headless Chromium (Debian's, through Playwright) as its users
would, and checks what issue 15 asks of it. Started by DashboardBrowserTests.swift against a real
`baoxue up --demo`; usable by hand too:

    python3 Tests/browser/dashboard_check.py --base http://127.0.0.1:8080 \
        --tokens data/demo-tokens.env --case-for-change 510123201103... --out /tmp/shots \
        --other-township 510123102 --other-township-names names.txt

Checks, each printed as it passes; the first failure exits 1 with what was seen:
1. a township user signs in and sees only their township: none of the other townships'
   children (by name: the names no child of the user's township has) in any page's DOM or any
   response, and another township's page is refused;
2. a school user sees only their school (the same check, by the names no child of their school
   has), and another school's page is refused; a county admin reaches every township's page;
   a viewer sees no full ID number (18 characters, birth date unmasked) in any DOM or response;
3. an alert raised by a status change appears on the open page within 2 s;
4. the alert acknowledged from the page (the script prints its id; the Swift test then reads
   `baoxue alert list`);
5. a screenshot of every page (desktop, and the home page on a phone) under --out.
"""
import argparse
import json
import os
import re
import sys
import time
import urllib.request

from playwright.sync_api import sync_playwright

FULL_ID = re.compile(r"[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]")


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def passed(message):
    print("ok: " + message, flush=True)


def tokens(path):
    found = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("BAOXUE_TOKEN_") and "=" in line:
                name, value = line.split("=", 1)
                found[name[len("BAOXUE_TOKEN_"):]] = value.split()[0]
    return found


class Session:
    """One user's browser context, recording every response body it receives."""

    def __init__(self, browser, base, out, who, viewport=None):
        self.base, self.out, self.who = base, out, who
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, locale="zh-CN")
        self.page = self.context.new_page()
        self.bodies = []
        self.page.on("response", self.record)

    def record(self, response):
        if "text/event-stream" in (response.headers.get("content-type") or ""):
            return
        try:
            self.bodies.append((response.url, response.text()))
        except Exception:
            pass

    def sign_in(self, token):
        self.page.goto(self.base + "/login")
        self.page.fill("#token", token)
        self.page.click("button[type=submit]")
        self.page.wait_for_load_state("networkidle")
        if self.page.url.rstrip("/") != self.base.rstrip("/"):
            fail("%s: sign-in did not reach the home page (%s)" % (self.who, self.page.url))

    def visit(self, path, shot=None):
        response = self.page.goto(self.base + path)
        self.page.wait_for_load_state("domcontentloaded")
        if shot:
            self.page.screenshot(path=os.path.join(self.out, shot), full_page=True)
        return response

    def links(self, prefix):
        hrefs = self.page.eval_on_selector_all("a[href^='%s']" % prefix, "els => els.map(e => e.getAttribute('href'))")
        return sorted(set(hrefs))

    def everything(self):
        return [("DOM " + self.page.url, self.page.content())] + self.bodies


def check_scope(session, unit, names_file, other_page):
    """What `session` saw holds none of the names only other places' children have, and the other
    place's page is refused."""
    seen = session.everything()
    home = session.page.url
    for case in session.links("/cases/")[:3]:
        session.visit(case)
        seen += session.everything()
    session.page.goto(home)
    for school in session.links("/schools/")[:3]:
        session.visit(school, shot="%s-school-%s.png" % (session.who, school.rsplit("/", 1)[-1]))
        seen += session.everything()
        for case in session.links("/cases/")[:2]:
            session.visit(case)
            seen += session.everything()
    with open(names_file, encoding="utf-8") as handle:
        forbidden = [line.strip() for line in handle if line.strip()]
    for where, text in seen:
        for name in forbidden:
            if name in text:
                fail("%s user saw another %s's child %s in %s" % (session.who, unit, name, where))
    passed("%s user: %d pages and responses, none with any of %d other %ss' children" % (session.who, len(seen), len(forbidden), unit))
    refused = session.visit(other_page)
    if refused.status != 403:
        fail("another %s's page answered %d" % (unit, refused.status))
    passed("another %s's page is refused (403)" % unit)
    session.context.close()


def check_township(browser, args, secrets):
    session = Session(browser, args.base, args.out, "township")
    session.sign_in(secrets["TOWNSHIP_STAFF"])
    session.page.screenshot(path=os.path.join(args.out, "township-home.png"), full_page=True)
    check_scope(session, "township", args.other_township_names, "/townships/" + args.other_township)


def check_school(browser, args, secrets):
    session = Session(browser, args.base, args.out, "school")
    session.sign_in(secrets["SCHOOL_STAFF"])
    session.page.screenshot(path=os.path.join(args.out, "school-home.png"), full_page=True)
    check_scope(session, "school", args.other_school_names, "/schools/" + args.other_school)


def check_admin(browser, args, secrets):
    session = Session(browser, args.base, args.out, "admin")
    session.sign_in(secrets["COUNTY_ADMIN"])
    townships = session.links("/townships/")
    if not townships:
        fail("the county admin's home links no township")
    for township in townships:
        response = session.visit(township)
        if response.status != 200:
            fail("the county admin's %s answered %d" % (township, response.status))
    passed("county admin: the county and its %d townships' pages" % len(townships))
    session.context.close()


def check_viewer(browser, args, secrets):
    session = Session(browser, args.base, args.out, "viewer")
    session.sign_in(secrets["VIEWER"])
    session.page.screenshot(path=os.path.join(args.out, "viewer-home.png"), full_page=True)
    seen = session.everything()
    for township in session.links("/townships/")[:1]:
        session.visit(township)
        seen += session.everything()
        for school in session.links("/schools/")[:2]:
            session.visit(school)
            seen += session.everything()
            for case in session.links("/cases/")[:1]:
                session.visit(case, shot="viewer-case.png")
                seen += session.everything()
    for where, text in seen:
        match = FULL_ID.search(text)
        if match:
            fail("viewer saw a full ID number %s…%s in %s" % (match.group(0)[:6], match.group(0)[-4:], where))
    passed("viewer: %d pages and responses, no full ID number" % len(seen))
    session.context.close()


def check_live_alert(browser, args, secrets):
    session = Session(browser, args.base, args.out, "county")
    session.sign_in(secrets["COUNTY_OPERATOR"])
    session.page.wait_for_selector(".stream-state:has-text('已连接')", timeout=10000)
    session.page.screenshot(path=os.path.join(args.out, "county-home.png"), full_page=True)
    body = json.dumps({"kind": "dropOut", "date": args.change_date, "documents": ["学校报告"], "causes": ["weariness"], "reason": "浏览器测试"}).encode()
    request = urllib.request.Request(
        args.base + "/api/v1/students/%s/changes" % args.case_for_change, data=body, method="POST",
        headers={"Authorization": "Bearer " + secrets["COUNTY_OPERATOR"], "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as reply:
        if reply.status != 201:
            fail("the status change answered %d" % reply.status)
    accepted = time.monotonic()
    try:
        session.page.wait_for_function(
            "name => [...document.querySelectorAll('#alert-list li.fresh')].some(li => li.textContent.includes(name))", arg=args.child_name, timeout=2000)
    except Exception:
        fail("no alert about %s on the page within 2 s of the change" % args.child_name)
    elapsed = time.monotonic() - accepted
    passed("the alert appeared on the page %.0f ms after the change was accepted" % (elapsed * 1000))
    fresh = session.page.locator("#alert-list li.fresh", has_text=args.child_name).first
    alert_id = fresh.get_attribute("data-id")
    session.page.screenshot(path=os.path.join(args.out, "county-live-alert.png"), full_page=False)
    fresh.locator("button.ack").click()
    fresh.locator(".acked").wait_for(timeout=5000)
    passed("acknowledged from the page")
    print("ACKNOWLEDGED %s" % alert_id, flush=True)
    for path, shot in [("/?lang=en", "county-home-en.png")]:
        session.visit(path, shot=shot)
    session.context.close()

    phone = Session(browser, args.base, args.out, "phone", viewport={"width": 390, "height": 844})
    phone.sign_in(secrets["TOWNSHIP_STAFF"])
    phone.page.screenshot(path=os.path.join(args.out, "township-phone.png"), full_page=True)
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    if width > 400:
        fail("the page is %d px wide on a 390 px phone" % width)
    passed("usable on a phone: no sideways scrolling of the page")
    phone.context.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--tokens", required=True)
    parser.add_argument("--case-for-change", required=True, help="a child's key to report as dropped out")
    parser.add_argument("--change-date", required=True)
    parser.add_argument("--child-name", required=True)
    parser.add_argument("--other-township", required=True)
    parser.add_argument("--other-township-names", required=True, help="one name a line: children only other townships have")
    parser.add_argument("--other-school", required=True)
    parser.add_argument("--other-school-names", required=True, help="one name a line: children only other schools have")
    parser.add_argument("--out", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    secrets = tokens(args.tokens)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        login = browser.new_page()
        login.goto(args.base + "/login")
        login.screenshot(path=os.path.join(args.out, "login.png"))
        login.close()
        check_township(browser, args, secrets)
        check_school(browser, args, secrets)
        check_admin(browser, args, secrets)
        check_viewer(browser, args, secrets)
        check_live_alert(browser, args, secrets)
        browser.close()
    print("all checks passed", flush=True)


if __name__ == "__main__":
    main()
