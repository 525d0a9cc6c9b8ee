"""Fault check: a mail worker killed (SIGKILL) in the middle of sending; every mail arrives once.

    .venv/bin/python tests/load/mail_faults.py                       # on a throw-away SQLite file
    .venv/bin/python tests/load/mail_faults.py --database-url postgres://postgres@127.0.0.1:5432/x
    make faults                                                      # also runs this, on PostgreSQL

A tiny SMTP server of our own (standard library `socketserver`, loopback only) receives the mail.
It is slow on purpose: after a message's data it waits before answering "250 accepted", and it
accepts the message only if the sender is still connected then, as a real server does when the
client disappears before the end of the conversation.

The script writes N mails into the outbox (as committed changes do), starts one worker
(`manage.py send_mail` with a short lease), kills it with SIGKILL while the server holds one of its
messages unanswered, then starts two fresh workers. It waits (bounded) until the outbox reports
every row sent, stops the workers and counts, per Message-ID, what the server accepted: the check is
that each of the N messages arrived exactly once.

With `--moment after-acceptance` the worker is killed instead right after the server answered
"250 accepted", before the worker could mark its row sent: the documented limit. That message
arrives twice, both copies with the same Message-ID (a receiver that drops repeated Message-IDs
shows it once); every other message once. Prints JSON for docs/operations.md; not a test.
"""

import argparse
import json
import os
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.load import servers  # noqa: E402

CREATE_MAILS = """
from django.db import transaction
from kuntajako.mail import send_templated_mail
with transaction.atomic():
    for number in range({count}):
        send_templated_mail(f"vastaanottaja-{{number}}@{domain}", "account_exists", {{}})
"""

# This run's rows, and the rows that were waiting before it (the workers send those too).
SENT_IDS = """
import json
from django.db.models import Q
from kuntajako.outbox.models import OutgoingMail
rows = OutgoingMail.objects.filter(Q(to__0__endswith="@{domain}") | Q(pk__in={waiting}))
print(json.dumps({{"rows": [[row.message_id, row.sent_at is not None, row.attempts] for row in rows]}}))
"""


class Sink(socketserver.ThreadingTCPServer):
    """Counts the messages it accepted by Message-ID; `holding` is set while it delays an answer."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, delay: float):
        super().__init__((servers.HOST, port), SmtpHandler)
        self.delay = delay
        self.accepted: Counter[str] = Counter()
        self.dropped = 0
        self.holding = threading.Event()
        self.lock = threading.Lock()
        self.after_accept = None  # called once, right after the third "250 accepted"


class SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's SMTP backend (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT)."""

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())
        self.wfile.flush()

    def handle(self):
        try:
            self.converse()
        except OSError:  # the sender was killed: its connection is simply gone
            return

    def converse(self):
        self.reply("220 mail-faults sink")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 mail-faults")
            elif command.startswith("DATA"):
                self.reply("354 end with <CRLF>.<CRLF>")
                if not self.receive():
                    return
            elif command.startswith("QUIT"):
                self.reply("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")

    def receive(self) -> bool:
        message_id = None
        while True:
            line = self.rfile.readline()
            if not line:
                return False
            if line in (b".\r\n", b".\n"):
                break
            if message_id is None and line.lower().startswith(b"message-id:"):
                message_id = line.split(b":", 1)[1].strip().decode()
        sink = self.server
        sink.holding.set()
        time.sleep(sink.delay)
        sink.holding.clear()
        if self.sender_gone():
            with sink.lock:
                sink.dropped += 1
            return False
        with sink.lock:
            sink.accepted[message_id or "(none)"] += 1
            callback = sink.after_accept if sum(sink.accepted.values()) >= 3 else None
            if callback:
                sink.after_accept = None
        self.reply("250 accepted")
        if callback:
            callback()
        return True

    def sender_gone(self) -> bool:
        self.request.setblocking(False)
        try:
            return self.request.recv(1, 2) == b""  # 2: MSG_PEEK; b"" means the sender closed
        except BlockingIOError:
            return False  # connected, nothing to read
        except OSError:
            return True
        finally:
            self.request.setblocking(True)


def start_worker(env, folder, name):
    log = (Path(folder) / f"worker-{name}.log").open("w")
    command = [servers.PYTHON, "manage.py", "send_mail", "--lease", "3", "--batch", "5", "--idle", "0.2"]
    process = subprocess.Popen(command, cwd=servers.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    return process, log


WAITING = """
import json
from kuntajako.outbox.models import OutgoingMail
print(json.dumps({"rows": list(OutgoingMail.objects.unsent().values_list("pk", flat=True))}))
"""


def outbox_rows(env, domain, waiting=()):
    script = WAITING if domain is None else SENT_IDS.format(domain=domain, waiting=list(waiting))
    output = subprocess.run(  # noqa: S603
        [servers.PYTHON, "manage.py", "shell", "-c", script],
        cwd=servers.ROOT, env=env, capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return json.loads(output.stdout.strip().splitlines()[-1])["rows"]


def run(
    env: dict[str, str],
    folder: str,
    *,
    count: int = 20,
    smtp_port: int = 8825,
    delay: float = 0.4,
    moment: str = "mid-send",
):
    """The check itself, against the database that `env` names (migrated already). `moment`:
    "mid-send" (the server holds a message unanswered) or "after-acceptance" (just answered)."""
    sink = Sink(smtp_port, delay)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    env = {
        **env,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": servers.HOST,
        "EMAIL_PORT": str(smtp_port),
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
    }
    workers = []
    domain = f"{moment}-{time.strftime('%H%M%S')}.mail-faults.example"  # this run's mails only
    try:
        waiting = outbox_rows(env, None)  # mail already waiting (e.g. from the other checks)
        servers.manage(env, "shell", "-c", CREATE_MAILS.format(count=count, domain=domain))
        servers.log(f"{count} mails in the outbox (and {len(waiting)} waiting before); starting worker A")
        worker_a = start_worker(env, folder, "a")
        workers.append(worker_a)
        if moment == "after-acceptance":
            sink.after_accept = lambda: os.kill(worker_a[0].pid, signal.SIGKILL)
            worker_a[0].wait(timeout=60)
        else:
            # Kill A while the server holds one of its messages unanswered, after a few went out.
            servers.wait_until(
                lambda: sum(sink.accepted.values()) >= 3 and sink.holding.is_set(), 60, step=0.01
            )
            os.kill(worker_a[0].pid, signal.SIGKILL)
            worker_a[0].wait(timeout=10)
        accepted_before_kill = sum(sink.accepted.values())
        killed_at = time.monotonic()
        servers.log(f"worker A killed by SIGKILL ({moment}) after {accepted_before_kill} accepted mails")
        workers += [start_worker(env, folder, "b"), start_worker(env, folder, "c")]

        def all_sent():
            return all(sent for _, sent, _ in outbox_rows(env, domain, waiting))

        waited = servers.wait_until(all_sent, 90, step=1)
        all_sent_after = None if waited is None else round(time.monotonic() - killed_at, 1)
    finally:
        for process, log in workers:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=5)
            log.close()
        sink.shutdown()
        sink.server_close()
    rows = outbox_rows(env, domain, waiting)
    expected = {message_id for message_id, _, _ in rows}
    arrived = Counter({key: value for key, value in sink.accepted.items() if key in expected})
    return {
        "killed": moment,
        "mails": len(expected),
        "of_them_waiting_before_the_check": len(waiting),
        "accepted_before_the_kill": accepted_before_kill,
        "dropped_by_the_server_because_the_sender_vanished": sink.dropped,
        "outbox_rows_sent": sum(1 for _, sent, _ in rows if sent),
        "rows_resumed_after_the_lease (attempts > 1)": sum(1 for *_, attempts in rows if attempts > 1),
        "seconds_from_the_kill_until_all_sent": all_sent_after,
        "arrived_exactly_once": sum(1 for message_id in expected if arrived[message_id] == 1),
        "missing": sum(1 for message_id in expected if arrived[message_id] == 0),
        # A copy carries its row's Message-ID: a duplicate is the same message sent twice.
        "duplicates_with_the_same_message_id": sum(1 for message_id in expected if arrived[message_id] > 1),
        "unexpected_messages": sum(value for key, value in sink.accepted.items() if key not in expected),
        "exactly_once": len(expected) == count + len(waiting)
        and all(arrived[message_id] == 1 for message_id in expected),
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", help="a loopback PostgreSQL database or SQLite file (default: SQLite)"
    )
    parser.add_argument("--mails", type=int, default=20)
    parser.add_argument("--smtp-port", type=int, default=8825)
    parser.add_argument("--moment", choices=["mid-send", "after-acceptance"], default="mid-send")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kuntajako-mail-faults-") as folder:
        database_url = options.database_url or f"sqlite:///{folder}/mail-faults.sqlite3"
        if database_url.startswith("postgres"):
            if "127.0.0.1" not in database_url and "localhost" not in database_url:
                sys.exit("The fault check runs against loopback addresses only.")
            servers.ensure_database(database_url)
        env = servers.production_env(database_url, None, folder)
        servers.log("migrating")
        servers.manage(env, "migrate", "--noinput", "-v", "0")
        result = run(env, folder, count=options.mails, smtp_port=options.smtp_port, moment=options.moment)
    print(json.dumps({"mail_worker_killed": result}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
