"""Print a page with WebKitGTK's own print path, as a reader's "Print" does, into a PDF file.

WebDriver has no print command in WebKitGTK, and MiniBrowser cannot emulate print media. This script
(run with Debian's python3 and gir1.2-webkit2-4.1, under an X display) loads the page, waits until
`ready` (a JavaScript expression) is true, clicks the button named `button` and answers the
window.print() that follows by printing to `output` through GTK's print-to-file backend.

    python3 tests/browser/webkit_print.py URL READY_EXPRESSION BUTTON_TEXT OUTPUT.pdf
Exit status 0 when the PDF was written; the reason on stderr otherwise.
"""
import json
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

TIMEOUT_MS = 90_000
CLICK = """(() => { const button = [...document.querySelectorAll("button")]
  .find((b) => b.textContent.trim() === %s && b.offsetParent !== null);
  if (!button) return false; button.click(); return true; })()"""


def main(url: str, ready: str, button: str, output: str) -> int:
    state = {"status": 1, "clicked": False}
    view = WebKit2.WebView()
    view.get_settings().set_enable_write_console_messages_to_stdout(True)
    window = Gtk.OffscreenWindow()
    window.set_default_size(1280, 900)
    window.add(view)
    window.show_all()

    def finish(status: int, message: str = "") -> None:
        if message:
            print(message, file=sys.stderr)
        state["status"] = status
        Gtk.main_quit()

    def on_print(_view, operation):
        settings = Gtk.PrintSettings()
        settings.set_printer("Print to File")
        settings.set(Gtk.PRINT_SETTINGS_OUTPUT_URI, GLib.filename_to_uri(output))
        settings.set(Gtk.PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf")
        operation.set_print_settings(settings)
        setup = Gtk.PageSetup()
        setup.set_paper_size(Gtk.PaperSize.new(Gtk.PAPER_NAME_A4))
        operation.set_page_setup(setup)
        operation.connect("finished", lambda *_: finish(0))
        operation.connect("failed", lambda _op, error: finish(1, f"printing failed: {error.message}"))
        operation.print_()
        return True                      # no dialog

    def evaluate(script: str, then) -> None:
        def done(source, result):
            try:
                then(view.evaluate_javascript_finish(result).to_boolean())
            except GLib.Error as error:
                finish(1, f"script failed: {error.message}")
        view.evaluate_javascript(script, -1, None, None, None, done)

    def poll() -> bool:
        if not state["clicked"]:
            evaluate(ready, lambda ok: ok and evaluate(CLICK % json.dumps(button), clicked))
        return not state["clicked"]

    def clicked(ok: bool) -> None:
        if ok:
            state["clicked"] = True

    view.connect("print", on_print)
    view.load_uri(url)
    GLib.timeout_add(250, poll)
    GLib.timeout_add(TIMEOUT_MS, lambda: finish(1, f"timed out: ready={state['clicked']}"))
    Gtk.main()
    return state["status"]


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
