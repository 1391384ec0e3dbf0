#!/usr/bin/env python3
"""A participant's phone, for real: headless Chromium (Debian's chromium and chromium-driver, driven by Selenium) opens a
participant's link at phone width, taps one score per cell, and checks that each is saved and that the page says done.

Usage: participant_page.py URL SCORES [NAME]
  SCORES: the scores to tap, cell by cell (idea by idea, criterion by criterion), e.g. 42a324 (a: abstain)
  NAME:   the participant the page must say it belongs to
Prints one line per check; exits non-zero on the first failure.
"""
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--lang=en"):
        options.add_argument(argument)
    # A phone: 390 × 844 CSS pixels, touch, a phone's user agent.
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0},
                                                        "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for(driver, what, check, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return
        except Exception:  # the page is reloading after a tap
            pass
        time.sleep(0.05)
    raise AssertionError(f"waited {seconds}s for {what}; page:\n{driver.page_source[:3000]}")


def main():
    url, scores = sys.argv[1], sys.argv[2]
    name = sys.argv[3] if len(sys.argv) > 3 else None
    driver = browser()
    try:
        driver.get(url)
        if name:
            wait_for(driver, f"the page for {name}", lambda: name in driver.find_element(By.ID, "who").text)
        viewport = driver.execute_script("return window.innerWidth")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert viewport == 390, f"the phone's viewport is {viewport}px, not 390px"
        assert width <= viewport, f"the page is {width}px wide on a {viewport}px phone: it scrolls sideways"
        print(f"ok - the page fits a phone ({width}px of {viewport}px, nothing to scroll sideways)")
        forms = [form.get_attribute("id") for form in driver.find_elements(By.CSS_SELECTOR, "main form")]
        assert len(forms) == len(scores), f"{len(forms)} cells on the page, {len(scores)} scores given"
        for cell, tap in zip(forms, scores):
            score = "abstain" if tap == "a" else tap
            driver.find_element(By.CSS_SELECTOR, f'#{cell} button[value="{score}"]').click()
            wait_for(driver, f"{score} saved in {cell}",
                     lambda: driver.find_element(By.CSS_SELECTOR, f'#{cell} button[value="{score}"]').get_attribute("aria-pressed") == "true")
        print(f"ok - {len(scores)} scores and abstentions tapped, each shown as saved after its own request")
        wait_for(driver, "done", lambda: driver.find_element(By.ID, "done").is_displayed())
        print("ok - the page says done: " + driver.find_element(By.ID, "done").text)
        progress = driver.find_element(By.ID, "progress").text
        assert progress.startswith(f"{len(scores)} of {len(scores)}") or progress.startswith(f"{len(scores)} van {len(scores)}"), progress
        print("ok - progress: " + progress)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
