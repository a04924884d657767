"""``client.errors.describe``: the one place an exception becomes the user's words."""
from __future__ import annotations

import logging

from client.errors import InputError, describe


def test_a_desk_error_speaks_its_own_message_in_the_language():
    exc = InputError("文件不存在", "file not found")
    assert describe(exc, "zh") == "文件不存在"
    assert describe(exc, "en") == "file not found"


def test_a_bug_is_one_sentence_and_its_traceback_is_logged_once(caplog):
    try:
        {}["missing"]
    except KeyError as exc:
        bug = exc
    with caplog.at_level(logging.ERROR):
        assert describe(bug, "zh") == "内部错误，详情已写入日志"
        assert caplog.records == []  # the task runner has already logged it
        assert describe(bug, "en", log_traceback=True) == "internal error; details in the log"
    [rec] = caplog.records
    assert rec.exc_info and rec.exc_info[1] is bug
    assert "missing" not in describe(bug, "zh")


def test_a_disk_problem_is_the_environment_not_a_bug():
    exc = PermissionError(13, "Permission denied", "/x/ciqdesk.db")
    assert describe(exc, "zh").startswith("系统错误：") and "Permission denied" in describe(exc, "zh")
    assert describe(exc, "en").startswith("system error: ")
