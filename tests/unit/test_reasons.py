"""System errors are said in our words, in the interface language; their own text is logged."""

from __future__ import annotations

import errno
import http.client
import re
import socket
import ssl

import pytest

from assistant.errors import QuickReplyError
from assistant.i18n import set_language
from assistant.reasons import error_text, http_reason, system_reason

ERRORS = [
    FileNotFoundError(errno.ENOENT, "No such file or directory"), PermissionError(errno.EACCES, "Permission denied"),
    IsADirectoryError(errno.EISDIR, "Is a directory"), ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
    TimeoutError("timed out"), socket.gaierror(-2, "Name or service not known"),
    ssl.SSLCertVerificationError("certificate verify failed"), ssl.SSLError("wrong version number"),
    ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), BrokenPipeError(errno.EPIPE, "Broken pipe"),
    http.client.IncompleteRead(b""), OSError(errno.EIO, "Input/output error")]


@pytest.fixture
def chinese():
    set_language("zh")
    yield
    set_language("en")


def test_every_system_error_has_a_chinese_reason_without_the_system_s_text(chinese, caplog) -> None:
    caplog.set_level("INFO", logger="assistant.reasons")
    reasons = [system_reason(error) for error in ERRORS]
    assert [reason for reason in reasons if re.search("[A-Za-z]", reason)] == []
    assert len(set(reasons)) == len(reasons) - 1  # a broken pipe and a reset connection read alike
    assert "Connection refused" in caplog.text and "Input/output error" in caplog.text


def test_http_statuses(chinese) -> None:
    assert [http_reason(code) for code in (403, 404, 503, 418)] == [
        "服务器拒绝访问（代码 403）", "服务器上没有这个文件（代码 404）", "服务器出现问题（代码 503）；稍后会再试",
        "服务器返回代码 418"]


def test_the_line_names_the_file_and_our_own_errors_stay_as_they_are(chinese) -> None:
    assert error_text(FileNotFoundError(errno.ENOENT, "No such file or directory", "/x/y.json")) == \
        "/x/y.json: 它或它所在的文件夹不存在"
    refused = ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
    assert error_text(refused) == "服务器拒绝了连接；它是否在运行？"
    assert error_text(QuickReplyError("短语库已存在")) == "短语库已存在"
