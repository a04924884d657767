"""E19xx/W19xx — attached documents: PDF only, at most 4 MiB, a short file name, a sha256.

The size judged is the stored file's (``ctx.attachment_sizes[sha256]``) when the caller
knows it, else the size declared in the attachment.
"""
from __future__ import annotations

from ._common import MIB, SHA256_RE, fmt_int, issue, lbl, show
from .registry import rule

MAX_SIZE = 4 * MIB
MAX_NAME = 64
BAD_NAME_CHARS = frozenset('/\\:*?"<>|')


@rule("E1901", "error", "attachments[].file_name", "随附单据须为PDF文件（.pdf）",
      "Attachments are PDF files (.pdf).", scope="attachments")
def attachment_is_pdf(decl, ctx):
    out = None
    for i, a in enumerate(decl.attachments or ()):
        v = a.file_name
        if isinstance(v, str) and v.strip() and not v.lower().endswith(".pdf"):
            path = f"attachments[{i}].file_name"
            out = out or []
            out.append(issue("E1901", path,
                             f"第{i + 1}份随附单据“{show(v)}”不是PDF文件：请扫描或另存为PDF后重新添加",
                             f"Attachment {i + 1} \"{show(v)}\" is not a PDF: scan or save it as "
                             f"PDF and add it again."))
    return out


def _size_of(a, ctx):
    sizes = ctx.attachment_sizes
    if sizes and isinstance(a.sha256, str):
        real = sizes.get(a.sha256)
        if isinstance(real, int):
            return real
    return a.size


@rule("E1902", "error", "attachments[].size", "随附单据文件不超过4 MiB",
      "An attachment is at most 4 MiB.", scope="attachments")
def attachment_size(decl, ctx):
    out = None
    for i, a in enumerate(decl.attachments or ()):
        size = _size_of(a, ctx)
        if isinstance(size, int) and size > MAX_SIZE:
            mib = f"{size / MIB:.2f}" if size.bit_length() <= 60 else "≫4"
            size_t = fmt_int(size)
            out = out or []
            out.append(issue("E1902", f"attachments[{i}].size",
                             f"第{i + 1}份随附单据“{show(a.file_name)}”大小为 {size_t} 字节"
                             f"（{mib} MiB），超过4 MiB（{MAX_SIZE:,} 字节）上限："
                             f"请降低扫描分辨率或拆分文件",
                             f"Attachment {i + 1} \"{show(a.file_name)}\" is {size_t} bytes "
                             f"({mib} MiB), over the 4 MiB ({MAX_SIZE:,} bytes) limit: "
                             f"scan at a lower resolution or split it."))
    return out


@rule("E1903", "error", "attachments[].file_name", "随附单据文件名不超过64个字符",
      "Attachment file names have at most 64 characters.", scope="attachments")
def attachment_name_length(decl, ctx):
    out = None
    for i, a in enumerate(decl.attachments or ()):
        v = a.file_name
        if isinstance(v, str) and len(v) > MAX_NAME:
            out = out or []
            out.append(issue("E1903", f"attachments[{i}].file_name",
                             f"第{i + 1}份随附单据文件名有{len(v)}个字符，最多{MAX_NAME}个：请改短文件名",
                             f"The file name of attachment {i + 1} has {len(v)} characters, at "
                             f"most {MAX_NAME} are allowed: shorten it."))
    return out


@rule("E1904", "error", "attachments[].sha256", "随附单据摘要应为64位十六进制SHA-256",
      "An attachment's sha256 is 64 hexadecimal characters.", scope="attachments")
def attachment_sha256(decl, ctx):
    out = None
    for i, a in enumerate(decl.attachments or ()):
        v = a.sha256
        if isinstance(v, str) and v and not SHA256_RE.fullmatch(v):
            path = f"attachments[{i}].sha256"
            zh, en = lbl(path)
            out = out or []
            out.append(issue("E1904", path,
                             f"{zh}“{show(v)}”不是64位十六进制SHA-256值：请删除该单据后重新添加文件",
                             f"The {en} \"{show(v)}\" is not a 64-character hexadecimal SHA-256: "
                             f"remove the attachment and add the file again."))
    return out


@rule("E1905", "error", "attachments[].size", "随附单据文件不能为空（大小应大于0）",
      "An attachment file is not empty.", scope="attachments")
def attachment_not_empty(decl, ctx):
    out = None
    for i, a in enumerate(decl.attachments or ()):
        size = _size_of(a, ctx)
        if isinstance(size, int) and size <= 0:
            out = out or []
            out.append(issue("E1905", f"attachments[{i}].size",
                             f"第{i + 1}份随附单据“{show(a.file_name)}”是空文件（{show(size)} 字节）："
                             f"请重新添加正确的文件",
                             f"Attachment {i + 1} \"{show(a.file_name)}\" is empty ({show(size)} "
                             f"bytes): add the right file again."))
    return out


@rule("E1906", "error", "attachments[].file_name", "随附单据文件名不能含路径符号或控制字符",
      "Attachment file names contain no path separators or control characters.", scope="attachments")
def attachment_name_chars(decl, ctx):
    out = None
    for i, a in enumerate(decl.attachments or ()):
        v = a.file_name
        if not isinstance(v, str) or not v:
            continue
        if not BAD_NAME_CHARS.isdisjoint(v) or (
                not v.isprintable() and any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in v)):
            out = out or []
            out.append(issue("E1906", f"attachments[{i}].file_name",
                             f"第{i + 1}份随附单据文件名“{show(v)}”含有路径符号（/ \\ : * ? \" < > |）"
                             f"或控制字符：请改名后重新添加",
                             f"The file name of attachment {i + 1} \"{show(v)}\" contains path "
                             f"characters (/ \\ : * ? \" < > |) or control characters: rename "
                             f"it and add it again."))
    return out


@rule("W1907", "warning", "attachments[].sha256", "本机找不到随附单据文件",
      "The attachment's file is not in the local store.", scope="attachments")
def attachment_file_present(decl, ctx):
    sizes = ctx.attachment_sizes
    if sizes is None:
        return None
    out = None
    for i, a in enumerate(decl.attachments or ()):
        v = a.sha256
        if isinstance(v, str) and SHA256_RE.fullmatch(v) and v not in sizes:
            out = out or []
            out.append(issue("W1907", f"attachments[{i}].sha256",
                             f"本机找不到第{i + 1}份随附单据“{show(a.file_name)}”的文件，发送前请重新添加",
                             f"The file of attachment {i + 1} \"{show(a.file_name)}\" is not in "
                             f"the local store: add it again before sending."))
    return out
