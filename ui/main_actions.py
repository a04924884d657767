"""The main window's actions (toolbar, menus, shortcuts), labelled in the current language."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from .widgets.icons import icon


class MainActions(QObject):
    """Every QAction of the main window; ``retranslate()`` re-labels them.

    The window connects ``triggered`` of each; this class only builds and names them.
    """

    def __init__(self, parent: QObject):
        super().__init__(parent)

        def act(name: str, icon_name: str | None = None, shortcut=None) -> QAction:
            a = QAction(parent)
            a.setObjectName(name)
            if icon_name:
                a.setIcon(icon(icon_name))
            if shortcut:
                seqs = shortcut if isinstance(shortcut, list) else [shortcut]
                a.setShortcuts([QKeySequence(s) for s in seqs])
                a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            return a

        self.new_inbound = act("new_inbound", "inbound", "Ctrl+N")
        self.new_outbound = act("new_outbound", "outbound", "Ctrl+Shift+N")
        self.duplicate = act("duplicate", "copy", "Ctrl+D")
        self.from_template = act("from_template", "template", "Ctrl+T")
        self.open = act("open", None, ["Return", "Enter"])
        self.validate = act("validate", "validate", "Ctrl+L")
        self.finalise = act("finalise", "finalise", ["Ctrl+Return", "Ctrl+Enter"])
        self.sync = act("sync", "sync", "F5")
        self.login = act("login", None)
        self.import_ = act("import", "import", "Ctrl+I")
        self.export = act("export", "export", "Ctrl+E")
        self.delete = act("delete", "delete", "Delete")
        self.copy_number = act("copy_number", None, "Ctrl+Shift+C")
        self.history = act("history", None, "Ctrl+H")
        self.print_ = act("print", None, QKeySequence.StandardKey.Print)
        self.dashboard = act("dashboard", "dashboard", "Ctrl+2")
        self.list_view = act("list_view", None, "Ctrl+1")
        self.find = act("find", None, "Ctrl+F")
        self.quit = act("quit", None, QKeySequence.StandardKey.Quit)
        self.about = act("about", None)
        self.lang_zh = act("lang_zh")
        self.lang_en = act("lang_en")
        self.languages = QActionGroup(self)
        for a in (self.lang_zh, self.lang_en):
            a.setCheckable(True)
            self.languages.addAction(a)
        self.retranslate()

    def retranslate(self) -> None:
        labels = {
            self.new_inbound: (self.tr("新建入境"), self.tr("新建入境报检单 (Ctrl+N)")),
            self.new_outbound: (self.tr("新建出境"), self.tr("新建出境报检单 (Ctrl+Shift+N)")),
            self.duplicate: (self.tr("复制"), self.tr("复制所选报检单为新草稿 (Ctrl+D)")),
            self.from_template: (self.tr("从模板新建"), self.tr("用保存的模板新建草稿")),
            self.open: (self.tr("打开"), self.tr("打开所选报检单 (Enter)")),
            self.validate: (self.tr("校验"), self.tr("按规则校验所选报检单 (Ctrl+L)")),
            self.finalise: (self.tr("定稿"), self.tr("校验通过后定稿并分配报检号 (Ctrl+Enter)")),
            self.sync: (self.tr("申报/同步"), self.tr("发送待申报的报检单并接收回执 (F5)")),
            self.login: (self.tr("登录平台…"), self.tr("登录检验检疫电子申报平台（或本机沙箱）")),
            self.import_: (self.tr("导入"), self.tr("从 Excel、CSV 或 JSON 文件批量导入草稿")),
            self.export: (self.tr("导出"), self.tr("把所选报检单导出为 Excel 模板、CSV 或 JSON 文件")),
            self.delete: (self.tr("删除草稿"), self.tr("删除所选草稿（已编号的报检单不能删除）")),
            self.copy_number: (self.tr("复制报检号"), self.tr("把报检号复制到剪贴板")),
            self.history: (self.tr("状态历史"), self.tr("查看回执和状态变化")),
            self.print_: (self.tr("打印预览…"), self.tr("按报检单格式预览、打印或另存为 PDF (Ctrl+P)")),
            self.dashboard: (self.tr("统计看板"), self.tr("按状态、放行时间和信用等级统计")),
            self.list_view: (self.tr("报检单列表"), self.tr("回到报检单列表")),
            self.find: (self.tr("搜索"), self.tr("搜索报检单")),
            self.quit: (self.tr("退出"), self.tr("退出 CIQ Desk")),
            self.about: (self.tr("关于 CIQ Desk"), ""),
            self.lang_zh: ("中文", "中文"),
            self.lang_en: ("English", "English"),
        }
        for a, (text, tip) in labels.items():
            a.setText(text)
            a.setIconText(text)
            a.setToolTip(tip or text)
            a.setStatusTip(tip or text)
