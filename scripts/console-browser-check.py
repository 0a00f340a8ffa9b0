#!/usr/bin/env python3
"""Drives kiosk-gateway's staff console in Debian's headless Chromium (selenium + chromium-driver).

    console-browser-check.py URL USER PASSWORD SCREENSHOT_DIR [LOCKED_USER]
    console-browser-check.py --state URL USER PASSWORD DEVICE

--state signs in, reads DEVICE's row of 设备总览 and prints {"state", "paper", "alarms"} as JSON.

At 1366x768 and at a phone's 390x844 it signs in by typing into the form, opens 设备总览, follows
the first kiosk to 设备详情, opens 邮寄队列 and hands the first waiting request over with a
waybill number (at the desktop size), checks each page for horizontal overflow of the page
itself (wide tables scroll inside their own box), a readable font size, navigation inside the
viewport and no Content-Security-Policy or script error in the browser's log, then signs out.
Before that, LOCKED_USER (when given) gets five wrong passwords typed and must then see the
lockout message. After it, 导出 CSV is downloaded through the browser to
SCREENSHOT_DIR/download/ (the report names the file). Prints a JSON report; its "failures" list
is empty when every check passed (exit status 1 otherwise). Screenshots land in SCREENSHOT_DIR.
"""
import glob
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

VIEWPORTS = [("desktop", 1366, 768), ("phone", 390, 844)]
WAYBILL = "EA556677889CN"


def browser(downloads=None):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if downloads:
        options.add_experimental_option(
            "prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def sign_in(driver, url, user, password):
    driver.get(url + "/signin")
    driver.find_element(By.ID, "name").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "signin").click()
    WebDriverWait(driver, 15).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)


def state(url, user, password, device):
    """Prints what 设备总览 shows for one kiosk."""
    driver = browser()
    try:
        sign_in(driver, url, user, password)
        driver.get(url + "/devices")
        for row in driver.find_elements(By.CSS_SELECTOR, "#devices tbody tr"):
            cells = [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            if cells and cells[0] == device:
                print(json.dumps({"state": cells[1], "paper": cells[5], "alarms": cells[9]}, ensure_ascii=False))
                return 0
        print(json.dumps({"state": None}))
        return 1
    finally:
        driver.quit()


def main():
    if sys.argv[1] == "--state":
        sys.exit(state(*sys.argv[2:6]))
    url, user, password, shots = sys.argv[1:5]
    locked_user = sys.argv[5] if len(sys.argv) > 5 else None
    os.makedirs(shots, exist_ok=True)
    downloads = os.path.join(shots, "download")
    os.makedirs(downloads, exist_ok=True)
    failures, pages = [], []
    download = None
    driver = browser(downloads)

    def submit_and_wait(element):
        """Clicks a submit button and waits until the next page has replaced this one."""
        old = driver.find_element(By.TAG_NAME, "html")
        element.click()
        WebDriverWait(driver, 15).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def check(condition, message):
        if not condition:
            failures.append(message)

    def inspect(name, size):
        metrics = driver.execute_script(
            """
            const doc = document.documentElement;
            const nav = [...document.querySelectorAll('header nav a')].map(a => a.getBoundingClientRect());
            return {
              scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth,
              fontSize: parseFloat(getComputedStyle(document.body).fontSize),
              navOutside: nav.filter(r => r.right > window.innerWidth + 1 || r.width === 0).length,
              navCount: nav.length,
              h1: (document.querySelector('h1') || {}).textContent || '',
              styled: getComputedStyle(document.querySelector('header.top')).display === 'flex'
            };
            """
        )
        path = os.path.join(shots, f"{size}-{name}.png")
        driver.save_screenshot(path)
        pages.append({"page": name, "viewport": size, **metrics, "screenshot": path})
        check(metrics["scrollWidth"] <= metrics["innerWidth"] + 1,
              f"{size} {name}: page scrolls sideways ({metrics['scrollWidth']} > {metrics['innerWidth']})")
        check(metrics["fontSize"] >= 14, f"{size} {name}: body font {metrics['fontSize']}px < 14px")
        check(metrics["navOutside"] == 0, f"{size} {name}: {metrics['navOutside']} navigation links outside the view")
        check(metrics["styled"], f"{size} {name}: the style sheet did not apply")
        return metrics

    try:
        if locked_user:
            driver.set_window_rect(0, 0, 1366, 900)
            for attempt in range(5):
                sign_in(driver, url, locked_user, f"wrong password {attempt}")
            message = driver.find_element(By.ID, "signin-message").text
            check("账号已锁定" in message, f"after five wrong passwords the page says {message!r}")
        for size, width, height in VIEWPORTS:
            driver.set_window_rect(0, 0, width, height)
            # The window's inner size is what a page sees; make it the viewport asked for.
            inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
            driver.set_window_rect(0, 0, width + (width - inner[0]), height + (height - inner[1]))
            driver.get(url + "/signin")
            inspect("signin", size)
            driver.find_element(By.ID, "name").send_keys(user)
            driver.find_element(By.ID, "password").send_keys(password)
            submit_and_wait(driver.find_element(By.ID, "signin"))
            refused = driver.find_elements(By.ID, "signin-message")
            check(not refused, f"{size}: sign-in refused: {refused[0].text if refused else ''}")
            overview = inspect("devices", size)
            check(overview["h1"] == "设备总览", f"{size}: after sign-in the page is {overview['h1']!r}")
            check(overview["navCount"] >= 2, f"{size}: navigation has {overview['navCount']} links")
            rows = driver.find_elements(By.CSS_SELECTOR, "#devices tbody tr")
            check(len(rows) == 50, f"{size}: overview shows {len(rows)} kiosks, not one page of 50")
            submit_and_wait(driver.find_element(By.CSS_SELECTOR, "#devices tbody tr a"))
            detail = inspect("device", size)
            check(detail["h1"].startswith("设备详情"), f"{size}: device page is {detail['h1']!r}")
            submit_and_wait(driver.find_element(By.LINK_TEXT, "邮寄队列"))
            queue = inspect("mail", size)
            check(queue["h1"] == "邮寄队列", f"{size}: mail page is {queue['h1']!r}")
            if size == "desktop":
                row = driver.find_element(By.CSS_SELECTOR, "#mail tbody tr")
                row_id = row.get_attribute("id")
                row.find_element(By.NAME, "waybill").send_keys(WAYBILL)
                submit_and_wait(row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
                check(not driver.find_elements(By.ID, row_id), "the handed-over request is still waiting")
                driver.get(url + "/mail?status=posted")
                posted = driver.find_element(By.ID, "mail").text
                check(WAYBILL in posted, "the posted list does not show the waybill number")
                check("已交寄" in posted, "the posted list does not say 已交寄")
                driver.get(url + "/mail?status=all")
                driver.find_element(By.ID, "mail-export").click()
                deadline = time.monotonic() + 15
                while time.monotonic() < deadline and not download:
                    done = [f for f in glob.glob(os.path.join(downloads, "*.csv"))]
                    download = done[0] if done else None
                    time.sleep(0.1)
                check(download is not None, "导出 CSV did not download a .csv file")
            submit_and_wait(driver.find_element(By.CSS_SELECTOR, "form.signout button"))
            check(driver.current_url.endswith("/signin"), f"{size}: sign-out went to {driver.current_url}")
            driver.get(url + "/devices")
            check(driver.current_url.endswith("/signin"), f"{size}: signed out, /devices still opened")
        logs = driver.get_log("browser")
        errors = [entry["message"] for entry in logs if entry["level"] == "SEVERE"]
        check(not errors, f"browser errors: {errors}")
    except Exception as error:  # a missing element is a failed check, reported with the page
        failures.append(f"{type(error).__name__}: {error} at {driver.current_url}")
    finally:
        driver.quit()
    print(json.dumps({"failures": failures, "pages": pages, "download": download}, ensure_ascii=False, indent=1))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
