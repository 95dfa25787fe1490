#!/usr/bin/python3
"""Drives the reading room's /batch page in headless Chromium, as a reporter would: focuses the
list, types the queries, clicks "Run each", and prints the table's rows as JSON lines.

    paste_vendor_list.py BASE_URL QUERY...

Chromium is driven over its DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
ended by a NUL byte, on file descriptors 3 and 4), so no WebSocket library is needed. Standard
library only."""
import fcntl
import json
import os
import subprocess
import sys
import tempfile


class Browser:
    def __init__(self):
        # (Above 10, so that placing them at 3 and 4 in the child clobbers none of them.)
        high = lambda fd: fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
        self.to_browser_r, self.to_browser_w = map(high, os.pipe())
        self.from_browser_r, self.from_browser_w = map(high, os.pipe())
        self.profile = tempfile.TemporaryDirectory()

        def pipes_at_3_and_4():
            # Chromium reads commands on fd 3 and writes replies on fd 4.
            os.dup2(self.to_browser_r, 3)
            os.dup2(self.from_browser_w, 4)
        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             f"--user-data-dir={self.profile.name}", "about:blank"],
            preexec_fn=pipes_at_3_and_4, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(self.to_browser_r)
        os.close(self.from_browser_w)
        self.reader = os.fdopen(self.from_browser_r, "rb")
        self.next_id = 0
        self.buffer = b""
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser_w, json.dumps(message).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def wait(self, accept):
        while True:
            while b"\0" not in self.buffer:
                chunk = self.reader.read1(65536)
                if not chunk:
                    sys.exit("browser: Chromium closed its pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            message = json.loads(raw)
            if "error" in message and message.get("id") == self.next_id:
                sys.exit(f"browser: {message['error']}")
            if accept(message):
                return message

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["result"]["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["result"]["sessionId"]
        self.send("Page.enable")
        self.navigate(lambda: self.send("Page.navigate", {"url": url}))

    def navigate(self, action):
        action()
        self.wait(lambda m: m.get("method") == "Page.loadEventFired")

    def evaluate(self, expression):
        return self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["result"].get("value")

    def close(self):
        self.send("Browser.close", session=False)
        self.process.wait(timeout=30)


def main():
    base, queries = sys.argv[1], sys.argv[2:]
    browser = Browser()
    try:
        browser.open(base + "/batch")
        browser.evaluate("document.querySelector('textarea[name=list]').focus()")
        browser.send("Input.insertText", {"text": "\n".join(queries)})
        box = browser.evaluate("JSON.stringify(document.querySelector('form.batch button').getBoundingClientRect())")
        x, y = (lambda r: (r["x"] + r["width"] / 2, r["y"] + r["height"] / 2))(json.loads(box))

        def click():
            for kind in ("mousePressed", "mouseReleased"):
                browser.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})
        browser.navigate(click)
        rows = browser.evaluate("JSON.stringify([...document.querySelectorAll('table.batch tbody tr')]"
                                ".map(row => [...row.cells].map(cell => cell.innerText)))")
        for row in json.loads(rows or "[]"):
            print(json.dumps(row))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
