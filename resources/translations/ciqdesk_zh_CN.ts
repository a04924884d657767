<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AttachmentsModel</name>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="65"/>
        <source>单据类型</source>
        <translation>单据类型</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="65"/>
        <source>文件名</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="65"/>
        <source>大小</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>AttachmentsSection</name>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="216"/>
        <source>选择随附单据</source>
        <translation>选择随附单据</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="217"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="229"/>
        <source>“%s”不是 PDF 文件，随附单据只接受 PDF</source>
        <translation>“%s”不是 PDF 文件，随附单据只接受 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="236"/>
        <source>“%s”超过 4 MB，请压缩后再添加</source>
        <translation>“%s”超过 4 MB，请压缩后再添加</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="248"/>
        <source>“%s”已在随附单据中</source>
        <translation>“%s”已在随附单据中</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="255"/>
        <source>无法添加“%s”：%s</source>
        <translation>无法添加“%s”：%s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="274"/>
        <source>新单据类型：</source>
        <translation>新单据类型：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="275"/>
        <source>添加文件…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="276"/>
        <source>移除所选</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="277"/>
        <source>把 PDF 文件拖到上面的列表中即可添加（每个不超过 4 MB）；添加前先选择单据类型。</source>
        <translation>把 PDF 文件拖到上面的列表中即可添加（每个不超过 4 MB）；添加前先选择单据类型。</translation>
    </message>
</context>
<context>
    <name>BasicSection</name>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="60"/>
        <source>一般报检</source>
        <translation>一般报检</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="60"/>
        <source>进口直通</source>
        <translation>进口直通</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="61"/>
        <source>出口直放</source>
        <translation>出口直放</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="61"/>
        <source>进口转单</source>
        <translation>进口转单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="64"/>
        <source>适用跨境电商负面清单与商品备案规则</source>
        <translation>适用跨境电商负面清单与商品备案规则</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="66"/>
        <source>货物属于外商投资财产</source>
        <translation>货物属于外商投资财产</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="115"/>
        <source>批量定稿</source>
        <translation>批量定稿</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/batch_dialog.py" line="116"/>
        <source>批量定稿 %n 份报检单</source>
        <translation>
            <numerusform>批量定稿 %n 份报检单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="117"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="118"/>
        <source>继续</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="119"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="120"/>
        <source>立即申报</source>
        <translation>立即申报</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="151"/>
        <source>正在取消：当前这份处理完后停止…</source>
        <translation>正在取消：当前这份处理完后停止…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="163"/>
        <source>已处理 {d} / {t}</source>
        <translation>已处理 {d} / {t}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="173"/>
        <source>已暂停：完成 {d} 份，还剩 {p} 份。点“继续”接着处理。</source>
        <translation>已暂停：完成 {d} 份，还剩 {p} 份。点“继续”接着处理。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="177"/>
        <source>完成：成功 {d} 份，失败 {f} 份。</source>
        <translation>完成：成功 {d} 份，失败 {f} 份。</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="63"/>
        <source>证单</source>
        <translation>证单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="63"/>
        <source>正本份数</source>
        <translation>正本份数</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="63"/>
        <source>副本份数</source>
        <translation>副本份数</translation>
    </message>
</context>
<context>
    <name>CertificatesSection</name>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="227"/>
        <source>勾选需要签发的证单（空格键勾选），并填写正本、副本份数（0–9）。</source>
        <translation>勾选需要签发的证单（空格键勾选），并填写正本、副本份数（0–9）。</translation>
    </message>
</context>
<context>
    <name>ClientDefaultsCommand</name>
    <message>
        <location filename="../../ui/client_defaults.py" line="179"/>
        <source>委托企业默认值…</source>
        <translation>委托企业默认值…</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="180"/>
        <source>设置为各委托企业新建报检单时预先填写的字段</source>
        <translation>设置为各委托企业新建报检单时预先填写的字段</translation>
    </message>
</context>
<context>
    <name>ClientDefaultsDialog</name>
    <message>
        <location filename="../../ui/client_defaults.py" line="84"/>
        <source>委托企业默认值</source>
        <translation>委托企业默认值</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="85"/>
        <source>委托企业：</source>
        <translation>委托企业：</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="86"/>
        <source>字段</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="86"/>
        <source>默认值</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="93"/>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="94"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="110"/>
        <source>没有委托企业：代理报检账户登录并同步后，这里列出可代理的企业。</source>
        <translation>没有委托企业：代理报检账户登录并同步后，这里列出可代理的企业。</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="152"/>
        <source>已保存：此后为该企业新建的报检单会预先填好这些字段。</source>
        <translation>已保存：此后为该企业新建的报检单会预先填好这些字段。</translation>
    </message>
</context>
<context>
    <name>CodePicker</name>
    <message>
        <location filename="../../ui/editor/code_picker.py" line="248"/>
        <source>代码无效</source>
        <translation>代码无效</translation>
    </message>
</context>
<context>
    <name>CodeVersionsCommand</name>
    <message>
        <location filename="../../ui/code_versions.py" line="121"/>
        <source>代码表版本</source>
        <translation>代码表版本</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="122"/>
        <source>查看本机使用的各代码表版本</source>
        <translation>查看本机使用的各代码表版本</translation>
    </message>
</context>
<context>
    <name>CodeVersionsDialog</name>
    <message>
        <location filename="../../ui/code_versions.py" line="17"/>
        <source>随附单据类型</source>
        <extracomment>the code tables&apos; names (translated in the &quot;CodeVersionsDialog&quot; context)</extracomment>
        <translation>随附单据类型</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="18"/>
        <source>随附单据类型（eCIQ）</source>
        <translation>随附单据类型（eCIQ）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="19"/>
        <source>检验检疫机构</source>
        <translation>检验检疫机构</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="20"/>
        <source>证单类型</source>
        <translation>证单类型</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="21"/>
        <source>证单类型（eCIQ）</source>
        <translation>证单类型（eCIQ）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="22"/>
        <source>检验检疫编码</source>
        <translation>检验检疫编码</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="23"/>
        <source>国家（地区）</source>
        <translation>国家（地区）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="24"/>
        <source>企业信用等级</source>
        <translation>企业信用等级</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="25"/>
        <source>币制</source>
        <translation>币制</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="26"/>
        <source>危包类别</source>
        <translation>危包类别</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="27"/>
        <source>国内地区</source>
        <translation>国内地区</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="28"/>
        <source>企业资质类型</source>
        <translation>企业资质类型</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="29"/>
        <source>货物属性</source>
        <translation>货物属性</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="30"/>
        <source>普惠制给惠国</source>
        <translation>普惠制给惠国</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="31"/>
        <source>HS编码（2022）</source>
        <translation>HS编码（2022）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="32"/>
        <source>HS类目</source>
        <translation>HS类目</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="33"/>
        <source>法检目录（替代版）</source>
        <translation>法检目录（替代版）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="34"/>
        <source>报检类别</source>
        <translation>报检类别</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="35"/>
        <source>产品资质（入境）</source>
        <translation>产品资质（入境）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="36"/>
        <source>产品资质（出境）</source>
        <translation>产品资质（出境）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="37"/>
        <source>跨境电商负面清单</source>
        <translation>跨境电商负面清单</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="38"/>
        <source>原产地优惠贸易协定</source>
        <translation>原产地优惠贸易协定</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="39"/>
        <source>原产地标准</source>
        <translation>原产地标准</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="40"/>
        <source>协定成员国（地区）</source>
        <translation>协定成员国（地区）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="41"/>
        <source>包装种类</source>
        <translation>包装种类</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="42"/>
        <source>用途</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="43"/>
        <source>直通放行区域</source>
        <translation>直通放行区域</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="44"/>
        <source>贸易方式对照（海关→eCIQ）</source>
        <translation>贸易方式对照（海关→eCIQ）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="45"/>
        <source>贸易方式</source>
        <translation>贸易方式</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="46"/>
        <source>监管方式（海关）</source>
        <translation>监管方式（海关）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="47"/>
        <source>贸易方式（eCIQ）</source>
        <translation>贸易方式（eCIQ）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="48"/>
        <source>运输方式对照（海关→eCIQ）</source>
        <translation>运输方式对照（海关→eCIQ）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="49"/>
        <source>运输方式</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="50"/>
        <source>运输方式（海关）</source>
        <translation>运输方式（海关）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="51"/>
        <source>运输方式（eCIQ）</source>
        <translation>运输方式（eCIQ）</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="52"/>
        <source>计量单位</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="85"/>
        <source>平台下发</source>
        <translation>平台下发</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="85"/>
        <source>程序内置</source>
        <translation>程序内置</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="89"/>
        <source>代码表版本</source>
        <translation>代码表版本</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="90"/>
        <source>本机校验和下拉选择使用以下版本的代码表。同步时平台下发的新版本会替换程序内置的版本。</source>
        <translation>本机校验和下拉选择使用以下版本的代码表。同步时平台下发的新版本会替换程序内置的版本。</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="92"/>
        <source>代码表</source>
        <translation>代码表</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="92"/>
        <source>标识</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="92"/>
        <source>版本</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="92"/>
        <source>来源</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>ContainersSection</name>
    <message numerus="yes">
        <location filename="../../ui/editor/section_goods.py" line="216"/>
        <source>共 %n 个集装箱</source>
        <translation>
            <numerusform>共 %n 个集装箱</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard.py" line="136"/>
        <source>统计看板</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="137"/>
        <source>按本机已同步的数据统计</source>
        <translation>按本机已同步的数据统计</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="168"/>
        <source>报检单总数</source>
        <translation>报检单总数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="169"/>
        <source>待发送（已定稿）</source>
        <translation>待发送（已定稿）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="170"/>
        <source>受理/审单/查验中</source>
        <translation>受理/审单/查验中</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="171"/>
        <source>近30天放行 · 放行时间中位数</source>
        <translation>近30天放行 · 放行时间中位数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="179"/>
        <source>{m} 分钟</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="181"/>
        <source>{h:.1f} 小时</source>
        <translation>{h:.1f} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="182"/>
        <source>{d:.1f} 天</source>
        <translation>{d:.1f} 天</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="185"/>
        <source>各状态报检单数量</source>
        <translation>各状态报检单数量</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="209"/>
        <source>近30天每日放行数</source>
        <translation>近30天每日放行数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="238"/>
        <source>提交到放行时间中位数（小时），按信用等级</source>
        <translation>提交到放行时间中位数（小时），按信用等级</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="251"/>
        <source>{g}级</source>
        <translation>{g}级</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="255"/>
        <source>参与统计的放行份数：{m}</source>
        <translation>参与统计的放行份数：{m}</translation>
    </message>
</context>
<context>
    <name>DeclarationsModel</name>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="414"/>
        <source>报检号</source>
        <translation>报检号</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="414"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="415"/>
        <source>出入境</source>
        <translation>出入境</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="415"/>
        <source>通关模式</source>
        <translation>通关模式</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="416"/>
        <source>收货人/发货人</source>
        <translation>收货人/发货人</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="416"/>
        <source>合同号</source>
        <translation>合同号</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="417"/>
        <source>提单号</source>
        <translation>提单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="417"/>
        <source>货物</source>
        <translation>货物</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="417"/>
        <source>货值</source>
        <translation>货值</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="418"/>
        <source>最后回执时间</source>
        <translation>最后回执时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="418"/>
        <source>定稿人</source>
        <translation>定稿人</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="419"/>
        <source>通关单号</source>
        <translation>通关单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="430"/>
        <source>本地校验结果</source>
        <translation>本地校验结果</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="468"/>
        <source>（未编号）</source>
        <translation>（未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="512"/>
        <source>定稿时已通过校验</source>
        <translation>定稿时已通过校验</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="514"/>
        <source>尚未校验（或校验后又有修改）</source>
        <translation>尚未校验（或校验后又有修改）</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="516"/>
        <source>校验通过</source>
        <translation>校验通过</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/declarations_model.py" line="516"/>
        <source>，%n 个提示</source>
        <translation>
            <numerusform>，%n 个提示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/declarations_model.py" line="518"/>
        <source>%n 个错误</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="524"/>
        <source>定稿时分配报检号。本地编号：{id}</source>
        <translation>定稿时分配报检号。本地编号：{id}</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="526"/>
        <source>放行后平台签发的通关单号，报关时填写</source>
        <translation>放行后平台签发的通关单号，报关时填写</translation>
    </message>
</context>
<context>
    <name>DemoController</name>
    <message>
        <location filename="../../ui/demo.py" line="101"/>
        <source>演示模式：正在启动本机沙箱平台并登录 {u}…</source>
        <translation>演示模式：正在启动本机沙箱平台并登录 {u}…</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="112"/>
        <source>演示模式：已提交演示报检单，每 3 秒同步一次，约一分钟内可看到放行。</source>
        <translation>演示模式：已提交演示报检单，每 3 秒同步一次，约一分钟内可看到放行。</translation>
    </message>
</context>
<context>
    <name>DraftBinCommand</name>
    <message>
        <location filename="../../ui/draft_bin.py" line="162"/>
        <source>最近删除的草稿…</source>
        <translation>单据类型&lt;/source&gt;
        &lt;translation&gt;单据类型&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;65&quot;/&gt;
        &lt;source&gt;文件名&lt;/source&gt;
        &lt;translation&gt;文件名&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;65&quot;/&gt;
        &lt;source&gt;大小&lt;/source&gt;
        &lt;translation&gt;大小&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;AttachmentsSection&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;216&quot;/&gt;
        &lt;source&gt;选择随附单据&lt;/source&gt;
        &lt;translation&gt;选择随附单据&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;217&quot;/&gt;
        &lt;source&gt;PDF 文件 (*.pdf)&lt;/source&gt;
        &lt;translation&gt;PDF 文件 (*.pdf)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;229&quot;/&gt;
        &lt;source&gt;“%s”不是 PDF 文件，随附单据只接受 PDF&lt;/source&gt;
        &lt;translation&gt;“%s”不是 PDF 文件，随附单据只接受 PDF&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;236&quot;/&gt;
        &lt;source&gt;“%s”超过 4 MB，请压缩后再添加&lt;/source&gt;
        &lt;translation&gt;“%s”超过 4 MB，请压缩后再添加&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;248&quot;/&gt;
        &lt;source&gt;“%s”已在随附单据中&lt;/source&gt;
        &lt;translation&gt;“%s”已在随附单据中&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;255&quot;/&gt;
        &lt;source&gt;无法添加“%s”：%s&lt;/source&gt;
        &lt;translation&gt;无法添加“%s”：%s&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;274&quot;/&gt;
        &lt;source&gt;新单据类型：&lt;/source&gt;
        &lt;translation&gt;新单据类型：&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;275&quot;/&gt;
        &lt;source&gt;添加文件…&lt;/source&gt;
        &lt;translation&gt;添加文件…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;276&quot;/&gt;
        &lt;source&gt;移除所选&lt;/source&gt;
        &lt;translation&gt;移除所选&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_attachments.py&quot; line=&quot;277&quot;/&gt;
        &lt;source&gt;把 PDF 文件拖到上面的列表中即可添加（每个不超过 4 MB）；添加前先选择单据类型。&lt;/source&gt;
        &lt;translation&gt;把 PDF 文件拖到上面的列表中即可添加（每个不超过 4 MB）；添加前先选择单据类型。&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;BasicSection&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_basic.py&quot; line=&quot;60&quot;/&gt;
        &lt;source&gt;一般报检&lt;/source&gt;
        &lt;translation&gt;一般报检&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_basic.py&quot; line=&quot;60&quot;/&gt;
        &lt;source&gt;进口直通&lt;/source&gt;
        &lt;translation&gt;进口直通&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_basic.py&quot; line=&quot;61&quot;/&gt;
        &lt;source&gt;出口直放&lt;/source&gt;
        &lt;translation&gt;出口直放&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_basic.py&quot; line=&quot;61&quot;/&gt;
        &lt;source&gt;进口转单&lt;/source&gt;
        &lt;translation&gt;进口转单&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_basic.py&quot; line=&quot;64&quot;/&gt;
        &lt;source&gt;适用跨境电商负面清单与商品备案规则&lt;/source&gt;
        &lt;translation&gt;适用跨境电商负面清单与商品备案规则&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_basic.py&quot; line=&quot;66&quot;/&gt;
        &lt;source&gt;货物属于外商投资财产&lt;/source&gt;
        &lt;translation&gt;货物属于外商投资财产&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;BatchDialog&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;115&quot;/&gt;
        &lt;source&gt;批量定稿&lt;/source&gt;
        &lt;translation&gt;批量定稿&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;116&quot;/&gt;
        &lt;source&gt;批量定稿 %n 份报检单&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;批量定稿 %n 份报检单&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;117&quot;/&gt;
        &lt;source&gt;取消&lt;/source&gt;
        &lt;translation&gt;取消&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;118&quot;/&gt;
        &lt;source&gt;继续&lt;/source&gt;
        &lt;translation&gt;继续&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;119&quot;/&gt;
        &lt;source&gt;关闭&lt;/source&gt;
        &lt;translation&gt;关闭&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;120&quot;/&gt;
        &lt;source&gt;立即申报&lt;/source&gt;
        &lt;translation&gt;立即申报&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;151&quot;/&gt;
        &lt;source&gt;正在取消：当前这份处理完后停止…&lt;/source&gt;
        &lt;translation&gt;正在取消：当前这份处理完后停止…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;163&quot;/&gt;
        &lt;source&gt;已处理 {d} / {t}&lt;/source&gt;
        &lt;translation&gt;已处理 {d} / {t}&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;173&quot;/&gt;
        &lt;source&gt;已暂停：完成 {d} 份，还剩 {p} 份。点“继续”接着处理。&lt;/source&gt;
        &lt;translation&gt;已暂停：完成 {d} 份，还剩 {p} 份。点“继续”接着处理。&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dialogs/batch_dialog.py&quot; line=&quot;177&quot;/&gt;
        &lt;source&gt;完成：成功 {d} 份，失败 {f} 份。&lt;/source&gt;
        &lt;translation&gt;完成：成功 {d} 份，失败 {f} 份。&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;CertificatesModel&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_certificates.py&quot; line=&quot;63&quot;/&gt;
        &lt;source&gt;证单&lt;/source&gt;
        &lt;translation&gt;证单&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_certificates.py&quot; line=&quot;63&quot;/&gt;
        &lt;source&gt;正本份数&lt;/source&gt;
        &lt;translation&gt;正本份数&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_certificates.py&quot; line=&quot;63&quot;/&gt;
        &lt;source&gt;副本份数&lt;/source&gt;
        &lt;translation&gt;副本份数&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;CertificatesSection&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/section_certificates.py&quot; line=&quot;227&quot;/&gt;
        &lt;source&gt;勾选需要签发的证单（空格键勾选），并填写正本、副本份数（0–9）。&lt;/source&gt;
        &lt;translation&gt;勾选需要签发的证单（空格键勾选），并填写正本、副本份数（0–9）。&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;ClientDefaultsCommand&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;179&quot;/&gt;
        &lt;source&gt;委托企业默认值…&lt;/source&gt;
        &lt;translation&gt;委托企业默认值…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;180&quot;/&gt;
        &lt;source&gt;设置为各委托企业新建报检单时预先填写的字段&lt;/source&gt;
        &lt;translation&gt;设置为各委托企业新建报检单时预先填写的字段&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;ClientDefaultsDialog&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;84&quot;/&gt;
        &lt;source&gt;委托企业默认值&lt;/source&gt;
        &lt;translation&gt;委托企业默认值&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;85&quot;/&gt;
        &lt;source&gt;委托企业：&lt;/source&gt;
        &lt;translation&gt;委托企业：&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;86&quot;/&gt;
        &lt;source&gt;字段&lt;/source&gt;
        &lt;translation&gt;字段&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;86&quot;/&gt;
        &lt;source&gt;默认值&lt;/source&gt;
        &lt;translation&gt;默认值&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;93&quot;/&gt;
        &lt;source&gt;保存&lt;/source&gt;
        &lt;translation&gt;保存&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;94&quot;/&gt;
        &lt;source&gt;关闭&lt;/source&gt;
        &lt;translation&gt;关闭&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;110&quot;/&gt;
        &lt;source&gt;没有委托企业：代理报检账户登录并同步后，这里列出可代理的企业。&lt;/source&gt;
        &lt;translation&gt;没有委托企业：代理报检账户登录并同步后，这里列出可代理的企业。&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/client_defaults.py&quot; line=&quot;152&quot;/&gt;
        &lt;source&gt;已保存：此后为该企业新建的报检单会预先填好这些字段。&lt;/source&gt;
        &lt;translation&gt;已保存：此后为该企业新建的报检单会预先填好这些字段。&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;CodePicker&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/editor/code_picker.py&quot; line=&quot;248&quot;/&gt;
        &lt;source&gt;代码无效&lt;/source&gt;
        &lt;translation&gt;代码无效&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;CodeVersionsCommand&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;121&quot;/&gt;
        &lt;source&gt;代码表版本&lt;/source&gt;
        &lt;translation&gt;代码表版本&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;122&quot;/&gt;
        &lt;source&gt;查看本机使用的各代码表版本&lt;/source&gt;
        &lt;translation&gt;查看本机使用的各代码表版本&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;CodeVersionsDialog&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;17&quot;/&gt;
        &lt;source&gt;随附单据类型&lt;/source&gt;
        &lt;extracomment&gt;the code tables&amp;apos; names (translated in the &amp;quot;CodeVersionsDialog&amp;quot; context)&lt;/extracomment&gt;
        &lt;translation&gt;随附单据类型&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;18&quot;/&gt;
        &lt;source&gt;随附单据类型（eCIQ）&lt;/source&gt;
        &lt;translation&gt;随附单据类型（eCIQ）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;19&quot;/&gt;
        &lt;source&gt;检验检疫机构&lt;/source&gt;
        &lt;translation&gt;检验检疫机构&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;20&quot;/&gt;
        &lt;source&gt;证单类型&lt;/source&gt;
        &lt;translation&gt;证单类型&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;21&quot;/&gt;
        &lt;source&gt;证单类型（eCIQ）&lt;/source&gt;
        &lt;translation&gt;证单类型（eCIQ）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;22&quot;/&gt;
        &lt;source&gt;检验检疫编码&lt;/source&gt;
        &lt;translation&gt;检验检疫编码&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;23&quot;/&gt;
        &lt;source&gt;国家（地区）&lt;/source&gt;
        &lt;translation&gt;国家（地区）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;24&quot;/&gt;
        &lt;source&gt;企业信用等级&lt;/source&gt;
        &lt;translation&gt;企业信用等级&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;25&quot;/&gt;
        &lt;source&gt;币制&lt;/source&gt;
        &lt;translation&gt;币制&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;26&quot;/&gt;
        &lt;source&gt;危包类别&lt;/source&gt;
        &lt;translation&gt;危包类别&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;27&quot;/&gt;
        &lt;source&gt;国内地区&lt;/source&gt;
        &lt;translation&gt;国内地区&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;28&quot;/&gt;
        &lt;source&gt;企业资质类型&lt;/source&gt;
        &lt;translation&gt;企业资质类型&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;29&quot;/&gt;
        &lt;source&gt;货物属性&lt;/source&gt;
        &lt;translation&gt;货物属性&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;30&quot;/&gt;
        &lt;source&gt;普惠制给惠国&lt;/source&gt;
        &lt;translation&gt;普惠制给惠国&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;31&quot;/&gt;
        &lt;source&gt;HS编码（2022）&lt;/source&gt;
        &lt;translation&gt;HS编码（2022）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;32&quot;/&gt;
        &lt;source&gt;HS类目&lt;/source&gt;
        &lt;translation&gt;HS类目&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;33&quot;/&gt;
        &lt;source&gt;法检目录（替代版）&lt;/source&gt;
        &lt;translation&gt;法检目录（替代版）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;34&quot;/&gt;
        &lt;source&gt;报检类别&lt;/source&gt;
        &lt;translation&gt;报检类别&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;35&quot;/&gt;
        &lt;source&gt;产品资质（入境）&lt;/source&gt;
        &lt;translation&gt;产品资质（入境）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;36&quot;/&gt;
        &lt;source&gt;产品资质（出境）&lt;/source&gt;
        &lt;translation&gt;产品资质（出境）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;37&quot;/&gt;
        &lt;source&gt;跨境电商负面清单&lt;/source&gt;
        &lt;translation&gt;跨境电商负面清单&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;38&quot;/&gt;
        &lt;source&gt;原产地优惠贸易协定&lt;/source&gt;
        &lt;translation&gt;原产地优惠贸易协定&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;39&quot;/&gt;
        &lt;source&gt;原产地标准&lt;/source&gt;
        &lt;translation&gt;原产地标准&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;40&quot;/&gt;
        &lt;source&gt;协定成员国（地区）&lt;/source&gt;
        &lt;translation&gt;协定成员国（地区）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;41&quot;/&gt;
        &lt;source&gt;包装种类&lt;/source&gt;
        &lt;translation&gt;包装种类&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;42&quot;/&gt;
        &lt;source&gt;用途&lt;/source&gt;
        &lt;translation&gt;用途&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;43&quot;/&gt;
        &lt;source&gt;直通放行区域&lt;/source&gt;
        &lt;translation&gt;直通放行区域&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;44&quot;/&gt;
        &lt;source&gt;贸易方式对照（海关→eCIQ）&lt;/source&gt;
        &lt;translation&gt;贸易方式对照（海关→eCIQ）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;45&quot;/&gt;
        &lt;source&gt;贸易方式&lt;/source&gt;
        &lt;translation&gt;贸易方式&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;46&quot;/&gt;
        &lt;source&gt;监管方式（海关）&lt;/source&gt;
        &lt;translation&gt;监管方式（海关）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;47&quot;/&gt;
        &lt;source&gt;贸易方式（eCIQ）&lt;/source&gt;
        &lt;translation&gt;贸易方式（eCIQ）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;48&quot;/&gt;
        &lt;source&gt;运输方式对照（海关→eCIQ）&lt;/source&gt;
        &lt;translation&gt;运输方式对照（海关→eCIQ）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;49&quot;/&gt;
        &lt;source&gt;运输方式&lt;/source&gt;
        &lt;translation&gt;运输方式&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;50&quot;/&gt;
        &lt;source&gt;运输方式（海关）&lt;/source&gt;
        &lt;translation&gt;运输方式（海关）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;51&quot;/&gt;
        &lt;source&gt;运输方式（eCIQ）&lt;/source&gt;
        &lt;translation&gt;运输方式（eCIQ）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;52&quot;/&gt;
        &lt;source&gt;计量单位&lt;/source&gt;
        &lt;translation&gt;计量单位&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;85&quot;/&gt;
        &lt;source&gt;平台下发&lt;/source&gt;
        &lt;translation&gt;平台下发&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;85&quot;/&gt;
        &lt;source&gt;程序内置&lt;/source&gt;
        &lt;translation&gt;程序内置&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;89&quot;/&gt;
        &lt;source&gt;代码表版本&lt;/source&gt;
        &lt;translation&gt;代码表版本&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;90&quot;/&gt;
        &lt;source&gt;本机校验和下拉选择使用以下版本的代码表。同步时平台下发的新版本会替换程序内置的版本。&lt;/source&gt;
        &lt;translation&gt;本机校验和下拉选择使用以下版本的代码表。同步时平台下发的新版本会替换程序内置的版本。&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;92&quot;/&gt;
        &lt;source&gt;代码表&lt;/source&gt;
        &lt;translation&gt;代码表&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;92&quot;/&gt;
        &lt;source&gt;标识&lt;/source&gt;
        &lt;translation&gt;标识&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;92&quot;/&gt;
        &lt;source&gt;版本&lt;/source&gt;
        &lt;translation&gt;版本&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/code_versions.py&quot; line=&quot;92&quot;/&gt;
        &lt;source&gt;来源&lt;/source&gt;
        &lt;translation&gt;来源&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;ContainersSection&lt;/name&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;location filename=&quot;../../ui/editor/section_goods.py&quot; line=&quot;216&quot;/&gt;
        &lt;source&gt;共 %n 个集装箱&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;共 %n 个集装箱&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;DashboardPage&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;136&quot;/&gt;
        &lt;source&gt;统计看板&lt;/source&gt;
        &lt;translation&gt;统计看板&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;137&quot;/&gt;
        &lt;source&gt;按本机已同步的数据统计&lt;/source&gt;
        &lt;translation&gt;按本机已同步的数据统计&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;168&quot;/&gt;
        &lt;source&gt;报检单总数&lt;/source&gt;
        &lt;translation&gt;报检单总数&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;169&quot;/&gt;
        &lt;source&gt;待发送（已定稿）&lt;/source&gt;
        &lt;translation&gt;待发送（已定稿）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;170&quot;/&gt;
        &lt;source&gt;受理/审单/查验中&lt;/source&gt;
        &lt;translation&gt;受理/审单/查验中&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;171&quot;/&gt;
        &lt;source&gt;近30天放行 · 放行时间中位数&lt;/source&gt;
        &lt;translation&gt;近30天放行 · 放行时间中位数&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;179&quot;/&gt;
        &lt;source&gt;{m} 分钟&lt;/source&gt;
        &lt;translation&gt;{m} 分钟&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;181&quot;/&gt;
        &lt;source&gt;{h:.1f} 小时&lt;/source&gt;
        &lt;translation&gt;{h:.1f} 小时&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;182&quot;/&gt;
        &lt;source&gt;{d:.1f} 天&lt;/source&gt;
        &lt;translation&gt;{d:.1f} 天&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;185&quot;/&gt;
        &lt;source&gt;各状态报检单数量&lt;/source&gt;
        &lt;translation&gt;各状态报检单数量&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;209&quot;/&gt;
        &lt;source&gt;近30天每日放行数&lt;/source&gt;
        &lt;translation&gt;近30天每日放行数&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;238&quot;/&gt;
        &lt;source&gt;提交到放行时间中位数（小时），按信用等级&lt;/source&gt;
        &lt;translation&gt;提交到放行时间中位数（小时），按信用等级&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;251&quot;/&gt;
        &lt;source&gt;{g}级&lt;/source&gt;
        &lt;translation&gt;{g}级&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/dashboard.py&quot; line=&quot;255&quot;/&gt;
        &lt;source&gt;参与统计的放行份数：{m}&lt;/source&gt;
        &lt;translation&gt;参与统计的放行份数：{m}&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;DeclarationsModel&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;414&quot;/&gt;
        &lt;source&gt;报检号&lt;/source&gt;
        &lt;translation&gt;报检号&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;414&quot;/&gt;
        &lt;source&gt;状态&lt;/source&gt;
        &lt;translation&gt;状态&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;415&quot;/&gt;
        &lt;source&gt;出入境&lt;/source&gt;
        &lt;translation&gt;出入境&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;415&quot;/&gt;
        &lt;source&gt;通关模式&lt;/source&gt;
        &lt;translation&gt;通关模式&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;416&quot;/&gt;
        &lt;source&gt;收货人/发货人&lt;/source&gt;
        &lt;translation&gt;收货人/发货人&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;416&quot;/&gt;
        &lt;source&gt;合同号&lt;/source&gt;
        &lt;translation&gt;合同号&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;417&quot;/&gt;
        &lt;source&gt;提单号&lt;/source&gt;
        &lt;translation&gt;提单号&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;417&quot;/&gt;
        &lt;source&gt;货物&lt;/source&gt;
        &lt;translation&gt;货物&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;417&quot;/&gt;
        &lt;source&gt;货值&lt;/source&gt;
        &lt;translation&gt;货值&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;418&quot;/&gt;
        &lt;source&gt;最后回执时间&lt;/source&gt;
        &lt;translation&gt;最后回执时间&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;418&quot;/&gt;
        &lt;source&gt;定稿人&lt;/source&gt;
        &lt;translation&gt;定稿人&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;419&quot;/&gt;
        &lt;source&gt;通关单号&lt;/source&gt;
        &lt;translation&gt;通关单号&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;430&quot;/&gt;
        &lt;source&gt;本地校验结果&lt;/source&gt;
        &lt;translation&gt;本地校验结果&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;468&quot;/&gt;
        &lt;source&gt;（未编号）&lt;/source&gt;
        &lt;translation&gt;（未编号）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;512&quot;/&gt;
        &lt;source&gt;定稿时已通过校验&lt;/source&gt;
        &lt;translation&gt;定稿时已通过校验&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;514&quot;/&gt;
        &lt;source&gt;尚未校验（或校验后又有修改）&lt;/source&gt;
        &lt;translation&gt;尚未校验（或校验后又有修改）&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;516&quot;/&gt;
        &lt;source&gt;校验通过&lt;/source&gt;
        &lt;translation&gt;校验通过&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;516&quot;/&gt;
        &lt;source&gt;，%n 个提示&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;，%n 个提示&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus=&quot;yes&quot;&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;518&quot;/&gt;
        &lt;source&gt;%n 个错误&lt;/source&gt;
        &lt;translation&gt;
            &lt;numerusform&gt;%n 个错误&lt;/numerusform&gt;
        &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;524&quot;/&gt;
        &lt;source&gt;定稿时分配报检号。本地编号：{id}&lt;/source&gt;
        &lt;translation&gt;定稿时分配报检号。本地编号：{id}&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/models/declarations_model.py&quot; line=&quot;526&quot;/&gt;
        &lt;source&gt;放行后平台签发的通关单号，报关时填写&lt;/source&gt;
        &lt;translation&gt;放行后平台签发的通关单号，报关时填写&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;DemoController&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/demo.py&quot; line=&quot;101&quot;/&gt;
        &lt;source&gt;演示模式：正在启动本机沙箱平台并登录 {u}…&lt;/source&gt;
        &lt;translation&gt;演示模式：正在启动本机沙箱平台并登录 {u}…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/demo.py&quot; line=&quot;112&quot;/&gt;
        &lt;source&gt;演示模式：已提交演示报检单，每 3 秒同步一次，约一分钟内可看到放行。&lt;/source&gt;
        &lt;translation&gt;演示模式：已提交演示报检单，每 3 秒同步一次，约一分钟内可看到放行。&lt;/translation&gt;
    &lt;/message&gt;
&lt;/context&gt;
&lt;context&gt;
    &lt;name&gt;DraftBinCommand&lt;/name&gt;
    &lt;message&gt;
        &lt;location filename=&quot;../../ui/draft_bin.py&quot; line=&quot;143&quot;/&gt;
        &lt;source&gt;最近删除的草稿…</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="163"/>
        <source>查看并恢复 %d 天内删除的草稿</source>
        <translation>查看并恢复 %d 天内删除的草稿</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="164"/>
        <source>撤销删除</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="165"/>
        <source>恢复刚才删除的草稿 (Ctrl+Z)</source>
        <translation>恢复刚才删除的草稿 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="192"/>
        <source>只能删除草稿</source>
        <translation>只能删除草稿</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="199"/>
        <source>删除草稿</source>
        <translation>删除草稿</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="200"/>
        <source>删除所选的 %n 份草稿？删除后 {days} 天内可在“报检单 → 最近删除的草稿”中恢复。</source>
        <translation>
            <numerusform>删除所选的 %n 份草稿？删除后 {days} 天内可在“报检单 → 最近删除的草稿”中恢复。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="206"/>
        <source>所选的报检单中没有草稿</source>
        <translation>所选的报检单中没有草稿</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="215"/>
        <source>正在删除 %n 份草稿…</source>
        <translation>
            <numerusform>正在删除 %n 份草稿…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="222"/>
        <source>已删除 %n 份草稿（Ctrl+Z 撤销；也可在“报检单 → 最近删除的草稿”中恢复）。</source>
        <translation>
            <numerusform>已删除 %n 份草稿（Ctrl+Z 撤销；也可在“报检单 → 最近删除的草稿”中恢复）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="242"/>
        <source>正在恢复 %n 份草稿…</source>
        <translation>
            <numerusform>正在恢复 %n 份草稿…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftBinDialog</name>
    <message>
        <location filename="../../ui/draft_bin.py" line="91"/>
        <source>没有最近删除的草稿。</source>
        <translation>没有最近删除的草稿。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="104"/>
        <source>恢复所选 (%n)</source>
        <translation>
            <numerusform>恢复所选 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="104"/>
        <source>恢复所选</source>
        <translation>恢复所选</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="111"/>
        <source>正在恢复 %n 份草稿…</source>
        <translation>
            <numerusform>正在恢复 %n 份草稿…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="32"/>
        <source>已恢复 %n 份草稿。</source>
        <translation>
            <numerusform>已恢复 %n 份草稿。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="35"/>
        <source>%n 份未恢复：同一编号的报检单已经存在（删除后又导入或新建过），仍留在最近删除的草稿中。</source>
        <translation>
            <numerusform>%n 份未恢复：同一编号的报检单已经存在（删除后又导入或新建过），仍留在最近删除的草稿中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="122"/>
        <source>最近删除的草稿</source>
        <translation>最近删除的草稿</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="123"/>
        <source>删除的草稿在这里保留 %d 天，可恢复为草稿，内容和编号与删除前相同。</source>
        <translation>删除的草稿在这里保留 %d 天，可恢复为草稿，内容和编号与删除前相同。</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="125"/>
        <source>删除时间</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="125"/>
        <source>出入境</source>
        <translation>出入境</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="125"/>
        <source>合同号</source>
        <translation>合同号</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="125"/>
        <source>收货人/发货人</source>
        <translation>收货人/发货人</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="126"/>
        <source>货物</source>
        <translation>货物</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="126"/>
        <source>删除人</source>
        <translation>删除人</translation>
    </message>
</context>
<context>
    <name>EcertDrop</name>
    <message>
        <location filename="../../ui/ecert_drop.py" line="37"/>
        <source>已据电子证书 {f} 生成入境报检草稿</source>
        <translation>已据电子证书 {f} 生成入境报检草稿</translation>
    </message>
    <message>
        <location filename="../../ui/ecert_drop.py" line="42"/>
        <source>导入电子证书</source>
        <translation>导入电子证书</translation>
    </message>
    <message>
        <location filename="../../ui/ecert_drop.py" line="43"/>
        <source>已据 {f} 生成入境报检草稿，请核对：</source>
        <translation>已据 {f} 生成入境报检草稿，请核对：</translation>
    </message>
</context>
<context>
    <name>EditTableView</name>
    <message>
        <location filename="../../ui/editor/table_view.py" line="200"/>
        <source>第%d行“%s”：%s</source>
        <translation>第%d行“%s”：%s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_view.py" line="285"/>
        <source>已删除第%d行（Ctrl+Z 撤销）</source>
        <translation>已删除第%d行（Ctrl+Z 撤销）</translation>
    </message>
</context>
<context>
    <name>EditorOffice</name>
    <message>
        <location filename="../../ui/editor/office.py" line="62"/>
        <source>同事 %s 也打开了这份草稿；保存时以先保存者为准，您会看到对方的修改。</source>
        <translation>同事 %s 也打开了这份草稿；保存时以先保存者为准，您会看到对方的修改。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="80"/>
        <source>未保存</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="81"/>
        <source>草稿已被同事修改</source>
        <translation>草稿已被同事修改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="83"/>
        <source>使用对方的版本</source>
        <translation>使用对方的版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="85"/>
        <source>另存为我的副本</source>
        <translation>另存为我的副本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="114"/>
        <source>您的修改已另存为新草稿 %s；本窗口显示同事的版本。</source>
        <translation>您的修改已另存为新草稿 %s；本窗口显示同事的版本。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="121"/>
        <source>副本未能保存：%s</source>
        <translation>副本未能保存：%s</translation>
    </message>
</context>
<context>
    <name>EditorSections</name>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="154"/>
        <source>随附单据</source>
        <translation>随附单据</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="19"/>
        <source>基本信息</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="23"/>
        <source>报检概况</source>
        <translation>报检概况</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="42"/>
        <source>企业资质与关联单证</source>
        <translation>企业资质与关联单证</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="49"/>
        <source>检验检疫机构</source>
        <translation>检验检疫机构</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="53"/>
        <source>货物存放与标记</source>
        <translation>货物存放与标记</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="172"/>
        <source>所需证单</source>
        <translation>所需证单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="120"/>
        <source>货物明细</source>
        <translation>货物明细</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="211"/>
        <source>集装箱</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="20"/>
        <source>收发货人</source>
        <translation>收发货人</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="23"/>
        <source>报检单位</source>
        <translation>报检单位</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="25"/>
        <source>报检员</source>
        <translation>报检员</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="32"/>
        <source>收货人</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="33"/>
        <source>发货人</source>
        <translation>发货人</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="36"/>
        <source>代理报检单位（可选）</source>
        <translation>代理报检单位（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_transport.py" line="16"/>
        <source>运输信息</source>
        <translation>运输信息</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_transport.py" line="20"/>
        <source>运输工具</source>
        <translation>运输工具</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_transport.py" line="24"/>
        <source>国家与口岸</source>
        <translation>国家与口岸</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_transport.py" line="43"/>
        <source>日期</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../ui/editor/window.py" line="285"/>
        <source>无法打开报检单：%s</source>
        <translation>无法打开报检单：%s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="299"/>
        <source>最后修改 %s</source>
        <translation>最后修改 %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="384"/>
        <source>✓ 未发现问题，可以提交修改</source>
        <translation>✓ 未发现问题，可以提交修改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="385"/>
        <source>✓ 未发现问题</source>
        <translation>✓ 未发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="386"/>
        <source>✓ 未发现问题，可以定稿</source>
        <translation>✓ 未发现问题，可以定稿</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="405"/>
        <source>入境</source>
        <translation>入境</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="405"/>
        <source>出境</source>
        <translation>出境</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="406"/>
        <source>%s货物报检单</source>
        <translation>%s货物报检单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="408"/>
        <source>修改申请（未提交）</source>
        <translation>修改申请（未提交）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="411"/>
        <source>已删除</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="415"/>
        <source> · 只读</source>
        <translation> · 只读</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="424"/>
        <source>报检号 &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>报检号 &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="427"/>
        <source>报检号：定稿时分配</source>
        <translation>报检号：定稿时分配</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="437"/>
        <source>新报检单</source>
        <translation>新报检单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="437"/>
        <source>草稿 %s</source>
        <translation>草稿 %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="438"/>
        <source>CIQ Desk 报检单编辑</source>
        <translation>CIQ Desk 报检单编辑</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="508"/>
        <source>有未保存的修改…</source>
        <translation>有未保存的修改…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="545"/>
        <source>已自动保存 %s</source>
        <translation>已自动保存 %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="576"/>
        <source>这份报检单已不是草稿，不能再直接修改：%s</source>
        <translation>这份报检单已不是草稿，不能再直接修改：%s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="580"/>
        <source>自动保存失败：%s。您的修改仍保留在本窗口中，%d 秒后自动重试（Ctrl+S 立即重试）。</source>
        <translation>自动保存失败：%s。您的修改仍保留在本窗口中，%d 秒后自动重试（Ctrl+S 立即重试）。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="582"/>
        <source>未保存</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="597"/>
        <source>修改申请未能暂存：%s</source>
        <translation>修改申请未能暂存：%s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="700"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="709"/>
        <source>保存 (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="710"/>
        <source>定稿 (Ctrl+Enter)</source>
        <translation>定稿 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="711"/>
        <source>修改申请</source>
        <translation>修改申请</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="712"/>
        <source>提交修改</source>
        <translation>提交修改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="713"/>
        <source>放弃修改</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="714"/>
        <source>撤销申请</source>
        <translation>撤销申请</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="715"/>
        <source>复制为新报检单</source>
        <translation>复制为新报检单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="717"/>
        <source>打印/PDF</source>
        <translation>打印/PDF</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="718"/>
        <source>关闭 (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="730"/>
        <source>只读：这份草稿已被删除，可在主窗口“报检单 → 最近删除的草稿”中恢复。</source>
        <translation>只读：这份草稿已被删除，可在主窗口“报检单 → 最近删除的草稿”中恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="735"/>
        <source>只读：已定稿或已提交的报检单不能直接修改，请使用“修改申请”或“撤销申请”。</source>
        <translation>只读：已定稿或已提交的报检单不能直接修改，请使用“修改申请”或“撤销申请”。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="738"/>
        <source>只读：已提交的报检单不能直接修改，请使用“修改申请”。</source>
        <translation>只读：已提交的报检单不能直接修改，请使用“修改申请”。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="740"/>
        <source>只读：已提交的报检单不能直接修改，可以“撤销申请”。</source>
        <translation>只读：已提交的报检单不能直接修改，可以“撤销申请”。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="742"/>
        <source>只读：已定稿，等待平台受理；受理后可以修改或撤销。可“复制为新报检单”。</source>
        <translation>只读：已定稿，等待平台受理；受理后可以修改或撤销。可“复制为新报检单”。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="745"/>
        <source>只读：此报检单已办结（%s），不能再修改或撤销；可“复制为新报检单”。</source>
        <translation>只读：此报检单已办结（%s），不能再修改或撤销；可“复制为新报检单”。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="750"/>
        <source>修改申请：改好后点击“提交修改”；报检号保持不变。</source>
        <translation>修改申请：改好后点击“提交修改”；报检号保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="752"/>
        <source>回车：下一项&#x3000;Ctrl+S：保存&#x3000;Ctrl+Enter：定稿&#x3000;F8：下一个问题&#x3000;Ctrl+PgDn：下一部分&#x3000;Esc：关闭</source>
        <translation>回车：下一项&#x3000;Ctrl+S：保存&#x3000;Ctrl+Enter：定稿&#x3000;F8：下一个问题&#x3000;Ctrl+PgDn：下一部分&#x3000;Esc：关闭</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="781"/>
        <source>修改尚未保存（%s），窗口暂不关闭以免丢失输入。请排除问题后按 Ctrl+S 重试。</source>
        <translation>修改尚未保存（%s），窗口暂不关闭以免丢失输入。请排除问题后按 Ctrl+S 重试。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="716"/>
        <source>另存为模板</source>
        <translation>另存为模板</translation>
    </message>
</context>
<context>
    <name>FieldBinding</name>
    <message>
        <location filename="../../ui/editor/widgets.py" line="164"/>
        <source>日期格式不正确，请输入如 20261130 或 2026-11-30</source>
        <translation>日期格式不正确，请输入如 20261130 或 2026-11-30</translation>
    </message>
    <message>
        <location filename="../../ui/editor/widgets.py" line="166"/>
        <source>代码“%s”不在代码表中，请从下拉列表中选择</source>
        <translation>代码“%s”不在代码表中，请从下拉列表中选择</translation>
    </message>
    <message>
        <location filename="../../ui/editor/widgets.py" line="168"/>
        <source>请写成“类别:编号”，多项用逗号分隔</source>
        <translation>请写成“类别:编号”，多项用逗号分隔</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="92"/>
        <source>欢迎使用 CIQ Desk 报检通</source>
        <translation>欢迎使用 CIQ Desk 报检通</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="95"/>
        <source>请填写检验检疫电子申报平台的地址和您的登录账号。没有账号时，可先连接本机沙箱试用。</source>
        <translation>请填写检验检疫电子申报平台的地址和您的登录账号。没有账号时，可先连接本机沙箱试用。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="100"/>
        <source>https://平台地址</source>
        <translation>https://平台地址</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="101"/>
        <source>试用沙箱</source>
        <translation>试用沙箱</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="104"/>
        <source>使用本机沙箱平台 %1（仅供试用，数据不会报送）</source>
        <translation>使用本机沙箱平台 %1（仅供试用，数据不会报送）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="113"/>
        <source>报检单位账号</source>
        <translation>报检单位账号</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="118"/>
        <source>平台地址：</source>
        <translation>平台地址：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="119"/>
        <source>用户名：</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="120"/>
        <source>密码：</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="138"/>
        <source>连接办公室数据库</source>
        <translation>连接办公室数据库</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="144"/>
        <source>连接</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="150"/>
        <source>办公室数据库：</source>
        <translation>办公室数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="156"/>
        <source>登录</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="158"/>
        <source>稍后再说</source>
        <translation>稍后再说</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="211"/>
        <source>请输入办公室数据库地址，例如 postgresql+psycopg://用户@服务器/ciqdesk</source>
        <translation>请输入办公室数据库地址，例如 postgresql+psycopg://用户@服务器/ciqdesk</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="216"/>
        <source>正在连接办公室数据库…</source>
        <translation>正在连接办公室数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="222"/>
        <source>已连接办公室数据库；重新启动 CIQ Desk 后，本机将使用办公室的共享数据。</source>
        <translation>已连接办公室数据库；重新启动 CIQ Desk 后，本机将使用办公室的共享数据。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="247"/>
        <source>正在登录…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="261"/>
        <source>请输入用户名。</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="265"/>
        <source>请输入密码。</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="291"/>
        <source>登录时发生内部错误，详情已写入日志。</source>
        <translation>登录时发生内部错误，详情已写入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="103"/>
        <source>启动本机沙箱平台并以演示账号登录（仅供试用，数据不会报送）</source>
        <translation>启动本机沙箱平台并以演示账号登录（仅供试用，数据不会报送）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="188"/>
        <source>正在启动本机沙箱…</source>
        <translation>正在启动本机沙箱…</translation>
    </message>
</context>
<context>
    <name>Follower</name>
    <message>
        <location filename="../../ui/editor/follow.py" line="46"/>
        <source>这份草稿已被删除，不能再修改。可在主窗口“报检单 → 最近删除的草稿”中恢复，或用“复制为新报检单”另存一份。</source>
        <translation>这份草稿已被删除，不能再修改。可在主窗口“报检单 → 最近删除的草稿”中恢复，或用“复制为新报检单”另存一份。</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../ui/models/formatting.py" line="53"/>
        <source>入境</source>
        <translation>入境</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="55"/>
        <source>出境</source>
        <translation>出境</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="60"/>
        <source>一般报检</source>
        <translation>一般报检</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="61"/>
        <source>进口直通</source>
        <translation>进口直通</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="62"/>
        <source>出口直放</source>
        <translation>出口直放</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="63"/>
        <source>进口转单</source>
        <translation>进口转单</translation>
    </message>
</context>
<context>
    <name>GoodsSection</name>
    <message numerus="yes">
        <location filename="../../ui/editor/section_goods.py" line="204"/>
        <source>共 %n 项&#x3000;净重 %s 千克&#x3000;毛重 %s 千克&#x3000;货值 %s</source>
        <translation>
            <numerusform>共 %n 项&#x3000;净重 %s 千克&#x3000;毛重 %s 千克&#x3000;货值 %s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GradeBadge</name>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="53"/>
        <source>信用 {g}</source>
        <translation>信用 {g}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="53"/>
        <source>信用 未知</source>
        <translation>信用 未知</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="159"/>
        <source>CIQ Desk 报检</source>
        <translation>CIQ Desk 报检</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="160"/>
        <source>委托企业：</source>
        <translation>委托企业：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="162"/>
        <location filename="../../ui/widgets/header_bar.py" line="246"/>
        <source>全部委托企业</source>
        <translation>全部委托企业</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="179"/>
        <source>尚未从平台取得信用等级：登录并同步后显示。</source>
        <translation>尚未从平台取得信用等级：登录并同步后显示。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="181"/>
        <source>诚信企业：免除单证审核，仅按最低比例随机抽检，通关最快。</source>
        <translation>诚信企业：免除单证审核，仅按最低比例随机抽检，通关最快。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="182"/>
        <source>便利通关：减少单证审核，降低查验比例。</source>
        <translation>便利通关：减少单证审核，降低查验比例。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="183"/>
        <source>常规管理：正常单证审核和查验。</source>
        <translation>常规管理：正常单证审核和查验。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="184"/>
        <source>严密监管：加强单证审核，提高查验比例。</source>
        <translation>严密监管：加强单证审核，提高查验比例。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="185"/>
        <source>严重失信：最严格监管，每批货物均须查验。</source>
        <translation>严重失信：最严格监管，每批货物均须查验。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="202"/>
        <source>可使用进口直通/出口直放及异地报检。</source>
        <translation>可使用进口直通/出口直放及异地报检。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="203"/>
        <source>不可使用进口直通/出口直放及异地报检。</source>
        <translation>不可使用进口直通/出口直放及异地报检。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="204"/>
        <source>等级更新于：{t}</source>
        <translation>等级更新于：{t}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="205"/>
        <source>等级更新时间未知</source>
        <translation>等级更新时间未知</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="212"/>
        <source>未登录企业</source>
        <translation>未登录企业</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="220"/>
        <source>统一社会信用代码：{u}
报检单位登记号：{r}</source>
        <translation>统一社会信用代码：{u}
报检单位登记号：{r}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="234"/>
        <source>委托企业：{n}</source>
        <translation>委托企业：{n}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="136"/>
        <source>导入报检单</source>
        <translation>导入报检单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="137"/>
        <source>选择文件…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="139"/>
        <source>支持 Excel 模板 (.xlsx)、CSV 和 JSON 文件；导入为草稿。</source>
        <translation>支持 Excel 模板 (.xlsx)、CSV 和 JSON 文件；导入为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="140"/>
        <source>将导入 ({n})</source>
        <translation>将导入 ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="141"/>
        <source>问题 ({n})</source>
        <translation>问题 ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="142"/>
        <source>导入</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="143"/>
        <source>生成错误报告…</source>
        <translation>生成错误报告…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="144"/>
        <source>校验导入的草稿，生成 Excel 错误报告（错误写在对应单元格旁），改好后可再导入</source>
        <translation>校验导入的草稿，生成 Excel 错误报告（错误写在对应单元格旁），改好后可再导入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="145"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="145"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="155"/>
        <source>选择要导入的文件</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="156"/>
        <source>报检单文件 (*.xlsx *.csv *.json);;所有文件 (*)</source>
        <translation>报检单文件 (*.xlsx *.csv *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="164"/>
        <source>正在读取文件…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="188"/>
        <source>已取消读取，未导入任何内容。</source>
        <translation>已取消读取，未导入任何内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_dialog.py" line="191"/>
        <source>可导入 %n 份报检单</source>
        <translation>
            <numerusform>可导入 %n 份报检单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_dialog.py" line="192"/>
        <source>；%n 个问题（有问题的报检单不会导入）。</source>
        <translation>
            <numerusform>；%n 个问题（有问题的报检单不会导入）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="194"/>
        <source>没有可导入的报检单。</source>
        <translation>没有可导入的报检单。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="204"/>
        <source>正在导入…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="216"/>
        <source>已导入 {n} 份（新建 {a}，更新 {b}）。</source>
        <translation>已导入 {n} 份（新建 {a}，更新 {b}）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="218"/>
        <source>另有 {m} 份未导入：</source>
        <translation>另有 {m} 份未导入：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="224"/>
        <source>已取消：</source>
        <translation>已取消：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="232"/>
        <source>保存错误报告</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="233"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="241"/>
        <source>正在生成错误报告…</source>
        <translation>正在生成错误报告…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="251"/>
        <source>错误报告已保存：{p}（{e} 份有错误，共 {n} 份）</source>
        <translation>错误报告已保存：{p}（{e} 份有错误，共 {n} 份）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="284"/>
        <source>正在取消…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../../ui/editor/issues_panel.py" line="108"/>
        <source>✓ 未发现问题，可以定稿</source>
        <translation>✓ 未发现问题，可以定稿</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/issues_panel.py" line="113"/>
        <source>%n 个错误</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/issues_panel.py" line="115"/>
        <source>%n 个警告</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/issues_panel.py" line="118"/>
        <source>（点击条目跳到对应字段）</source>
        <translation>（点击条目跳到对应字段）</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="101"/>
        <source>正在定稿…</source>
        <extracomment>the platform version the amendment being edited is based on</extracomment>
        <translation>正在定稿…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/lifecycle.py" line="109"/>
        <source>还有 %n 个错误，不能定稿。请按下方列表逐项修改（点击条目跳到字段）。</source>
        <translation>
            <numerusform>还有 %n 个错误，不能定稿。请按下方列表逐项修改（点击条目跳到字段）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="120"/>
        <source>已定稿，报检号 %s。报检单将在下次同步时发送。</source>
        <translation>已定稿，报检号 %s。报检单将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="132"/>
        <source>未能定稿：%s</source>
        <translation>未能定稿：%s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="177"/>
        <source>已恢复上次未提交的修改申请：改好后点“提交修改”。</source>
        <translation>已恢复上次未提交的修改申请：改好后点“提交修改”。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="180"/>
        <source>正在填写修改申请：改好后点“提交修改”。报检号不变（一号到底）。</source>
        <translation>正在填写修改申请：改好后点“提交修改”。报检号不变（一号到底）。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="213"/>
        <source>修改申请已排队，将在下次同步时发送。</source>
        <translation>修改申请已排队，将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="219"/>
        <source>修改申请未提交：%s</source>
        <translation>修改申请未提交：%s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="229"/>
        <source>撤销申请</source>
        <translation>撤销申请</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="229"/>
        <source>请填写撤销原因（必填）：</source>
        <translation>请填写撤销原因（必填）：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="233"/>
        <source>请填写撤销原因</source>
        <translation>请填写撤销原因</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="239"/>
        <source>撤销申请未提交：%s</source>
        <translation>撤销申请未提交：%s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="244"/>
        <source>撤销申请已排队，将在下次同步时发送。</source>
        <translation>撤销申请已排队，将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="257"/>
        <source>未能复制：%s</source>
        <translation>未能复制：%s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="263"/>
        <source>已复制为新草稿（合同号 %s）。</source>
        <translation>已复制为新草稿（合同号 %s）。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="282"/>
        <source>打印报检单</source>
        <translation>打印报检单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="283"/>
        <source>打印报检单，或另存为 PDF 文件？</source>
        <translation>打印报检单，或另存为 PDF 文件？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="284"/>
        <source>打印…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="285"/>
        <source>另存为 PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="286"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="294"/>
        <source>另存为 PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="295"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/lifecycle.py" line="307"/>
        <source>已保存 PDF（%n 页）：%s</source>
        <translation>
            <numerusform>已保存 PDF（%n 页）：%s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="309"/>
        <source>未能保存 PDF：%s</source>
        <translation>未能保存 PDF：%s</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/main_list.py" line="220"/>
        <source>全部报检单</source>
        <extracomment>what each column must show in full, measured in the table&apos;s font (so the widths suit Noto Sans CJK, Microsoft YaHei or PingFang at whatever size the platform uses) the list views that show the 通关单号 column (their rows can have been released) True while :meth:`selectAll` selects every row (listeners wait for ``select_all_requested`` instead of reading the selected rows one by one)</extracomment>
        <translation>全部报检单</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="220"/>
        <source>草稿</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="221"/>
        <source>已定稿待发送</source>
        <translation>已定稿待发送</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="221"/>
        <source>已发送</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="222"/>
        <source>已受理/审单中</source>
        <translation>已受理/审单中</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="222"/>
        <source>查验</source>
        <translation>查验</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="223"/>
        <source>已放行</source>
        <translation>已放行</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="223"/>
        <source>退回</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="224"/>
        <source>已撤销</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="242"/>
        <source>最近的 {b} 份报检单中没有与“{q}”匹配的。点“继续搜索全部”也查找更早的报检单，或多输入一个字（三个字起搜索全部报检单）。</source>
        <translation>最近的 {b} 份报检单中没有与“{q}”匹配的。点“继续搜索全部”也查找更早的报检单，或多输入一个字（三个字起搜索全部报检单）。</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="246"/>
        <source>最近的 {b} 份报检单中没有与“{q}”匹配的（这段文字太常见，一次击键内查不完全部）。点“继续搜索全部”也查找更早的报检单。</source>
        <translation>最近的 {b} 份报检单中没有与“{q}”匹配的（这段文字太常见，一次击键内查不完全部）。点“继续搜索全部”也查找更早的报检单。</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="271"/>
        <source>继续搜索全部</source>
        <translation>继续搜索全部</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="272"/>
        <source>这次搜索只查了最近的 {b} 份报检单（一两个字或很常见的文字）；点此查找全部（可能需要几秒）</source>
        <translation>这次搜索只查了最近的 {b} 份报检单（一两个字或很常见的文字）；点此查找全部（可能需要几秒）</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="250"/>
        <source>没有找到与“{q}”匹配的报检单。可按报检号、合同号、提单号或收发货人名称搜索。</source>
        <translation>没有找到与“{q}”匹配的报检单。可按报检号、合同号、提单号或收发货人名称搜索。</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="253"/>
        <source>此状态下没有报检单。</source>
        <translation>此状态下没有报检单。</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="255"/>
        <source>还没有报检单。
按 Ctrl+N 新建入境报检单、Ctrl+Shift+N 新建出境报检单，或把 Excel 模板文件拖到窗口中批量导入。</source>
        <translation>还没有报检单。
按 Ctrl+N 新建入境报检单、Ctrl+Shift+N 新建出境报检单，或把 Excel 模板文件拖到窗口中批量导入。</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="262"/>
        <source>最近的 {b} 份中有 {n} 份</source>
        <translation>最近的 {b} 份中有 {n} 份</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="265"/>
        <source>共 {n} 份</source>
        <translation>共 {n} 份</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="324"/>
        <source>已选择全部 {n} 条符合条件的</source>
        <translation>已选择全部 {n} 条符合条件的</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="326"/>
        <source>全选 {n} 条符合条件的</source>
        <translation>全选 {n} 条符合条件的</translation>
    </message>
</context>
<context>
    <name>LogoutCommand</name>
    <message>
        <location filename="../../ui/logout.py" line="38"/>
        <source>退出登录</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/logout.py" line="39"/>
        <source>退出平台登录：撤销本机的登录凭据；本机的报检单保留，下次登录后继续申报</source>
        <translation>退出平台登录：撤销本机的登录凭据；本机的报检单保留，下次登录后继续申报</translation>
    </message>
    <message>
        <location filename="../../ui/logout.py" line="66"/>
        <source>已退出登录。本机的报检单都已保留。</source>
        <translation>已退出登录。本机的报检单都已保留。</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../ui/main_actions.py" line="60"/>
        <source>新建入境</source>
        <translation>新建入境</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="60"/>
        <source>新建入境报检单 (Ctrl+N)</source>
        <translation>新建入境报检单 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="61"/>
        <source>新建出境</source>
        <translation>新建出境</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="61"/>
        <source>新建出境报检单 (Ctrl+Shift+N)</source>
        <translation>新建出境报检单 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="62"/>
        <source>复制</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="62"/>
        <source>复制所选报检单为新草稿 (Ctrl+D)</source>
        <translation>复制所选报检单为新草稿 (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="63"/>
        <source>从模板新建</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="63"/>
        <source>用保存的模板新建草稿</source>
        <translation>用保存的模板新建草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="64"/>
        <source>打开</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="64"/>
        <source>打开所选报检单 (Enter)</source>
        <translation>打开所选报检单 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="65"/>
        <source>校验</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="65"/>
        <source>按规则校验所选报检单 (Ctrl+L)</source>
        <translation>按规则校验所选报检单 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="66"/>
        <source>定稿</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="66"/>
        <source>校验通过后定稿并分配报检号 (Ctrl+Enter)</source>
        <translation>校验通过后定稿并分配报检号 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="67"/>
        <source>申报/同步</source>
        <translation>申报/同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="67"/>
        <source>发送待申报的报检单并接收回执 (F5)</source>
        <translation>发送待申报的报检单并接收回执 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="68"/>
        <source>登录平台…</source>
        <translation>登录平台…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="68"/>
        <source>登录检验检疫电子申报平台（或本机沙箱）</source>
        <translation>登录检验检疫电子申报平台（或本机沙箱）</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="69"/>
        <source>导入</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="69"/>
        <source>从 Excel、CSV 或 JSON 文件批量导入草稿</source>
        <translation>从 Excel、CSV 或 JSON 文件批量导入草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="70"/>
        <source>导出</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="70"/>
        <source>把所选报检单导出为 Excel 模板、CSV 或 JSON 文件</source>
        <translation>把所选报检单导出为 Excel 模板、CSV 或 JSON 文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="71"/>
        <source>删除草稿</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="71"/>
        <source>删除所选草稿（已编号的报检单不能删除）</source>
        <translation>删除所选草稿（已编号的报检单不能删除）</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="72"/>
        <source>复制报检号</source>
        <translation>复制报检号</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="72"/>
        <source>把报检号复制到剪贴板</source>
        <translation>把报检号复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="73"/>
        <source>状态历史</source>
        <translation>状态历史</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="73"/>
        <source>查看回执和状态变化</source>
        <translation>查看回执和状态变化</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="74"/>
        <source>打印预览…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="74"/>
        <source>按报检单格式预览、打印或另存为 PDF (Ctrl+P)</source>
        <translation>按报检单格式预览、打印或另存为 PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="75"/>
        <source>统计看板</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="75"/>
        <source>按状态、放行时间和信用等级统计</source>
        <translation>按状态、放行时间和信用等级统计</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="76"/>
        <source>报检单列表</source>
        <translation>报检单列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="76"/>
        <source>回到报检单列表</source>
        <translation>回到报检单列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="77"/>
        <source>搜索</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="77"/>
        <source>搜索报检单</source>
        <translation>搜索报检单</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="78"/>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="78"/>
        <source>退出 CIQ Desk</source>
        <translation>退出 CIQ Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="79"/>
        <source>关于 CIQ Desk</source>
        <translation>关于 CIQ Desk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_commands.py" line="28"/>
        <source>CIQ Desk</source>
        <translation>CIQ Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="57"/>
        <source>已选择 {n} 份</source>
        <translation>已选择 {n} 份</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="140"/>
        <source>没有可显示中文的字体，无法打印</source>
        <translation>没有可显示中文的字体，无法打印</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="155"/>
        <source>状态历史 — {no}</source>
        <translation>状态历史 — {no}</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="169"/>
        <source>已复制为新草稿</source>
        <translation>已复制为新草稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="183"/>
        <source>（还没有模板：在编辑器中“另存为模板”）</source>
        <translation>（还没有模板：在编辑器中“另存为模板”）</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="186"/>
        <source>出境</source>
        <translation>出境</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="187"/>
        <source>入境</source>
        <translation>入境</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="193"/>
        <location filename="../../ui/main_commands.py" line="200"/>
        <source>删除模板</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="201"/>
        <source>删除模板“{n}”？用它新建的报检单不受影响。</source>
        <translation>删除模板“{n}”？用它新建的报检单不受影响。</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="207"/>
        <source>已删除模板“{n}”</source>
        <translation>已删除模板“{n}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="245"/>
        <source>已校验 {n} 份：{ok} 份通过，{bad} 份有错误</source>
        <translation>已校验 {n} 份：{ok} 份通过，{bad} 份有错误</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="247"/>
        <source>正在校验…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="257"/>
        <source>只有草稿可以定稿</source>
        <translation>只有草稿可以定稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="276"/>
        <source>已定稿，报检号 {no}</source>
        <translation>已定稿，报检号 {no}</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="276"/>
        <source>已定稿</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="284"/>
        <source>未通过校验</source>
        <translation>未通过校验</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="311"/>
        <source>导出报检单</source>
        <translation>导出报检单</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="312"/>
        <source>Excel 模板 (*.xlsx);;CSV 文件 (*.csv);;JSON 文件 (*.json)</source>
        <translation>Excel 模板 (*.xlsx);;CSV 文件 (*.csv);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="317"/>
        <source>已导出 {n} 份到 {p}</source>
        <translation>已导出 {n} 份到 {p}</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="325"/>
        <source>已复制报检号</source>
        <translation>已复制报检号</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="340"/>
        <source>已登录平台，正在同步…</source>
        <translation>已登录平台，正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="363"/>
        <source>关于 CIQ Desk</source>
        <translation>关于 CIQ Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="363"/>
        <source>&lt;h3&gt;CIQ Desk {v}&lt;/h3&gt;&lt;p&gt;出入境检验检疫报检桌面客户端：离线制单、本地校验、一次申报、一号到底。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CIQ Desk {v}&lt;/h3&gt;&lt;p&gt;出入境检验检疫报检桌面客户端：离线制单、本地校验、一次申报、一号到底。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>CIQ Desk — 出入境检验检疫报检</source>
        <translation>CIQ Desk — 出入境检验检疫报检</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>报检单(&amp;D)</source>
        <translation>报检单(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>申报(&amp;S)</source>
        <translation>申报(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>视图(&amp;V)</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>帮助(&amp;H)</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>工具栏</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>正在处理…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>{n}+ 份</source>
        <translation>{n}+ 份</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>共 {n} 份 · 草稿 {d} · 待发送 {r} · 已放行 {x}</source>
        <translation>共 {n} 份 · 草稿 {d} · 待发送 {r} · 已放行 {x}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>已载入 {n} 份，向下滚动载入更多</source>
        <translation>已载入 {n} 份，向下滚动载入更多</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>正在载入…</source>
        <translation>正在载入…</translation>
    </message>
</context>
<context>
    <name>NavModel</name>
    <message>
        <location filename="../../ui/models/nav_model.py" line="55"/>
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="55"/>
        <source>草稿</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="56"/>
        <source>已定稿待发送</source>
        <translation>已定稿待发送</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="56"/>
        <source>已发送</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="57"/>
        <source>已受理/审单中</source>
        <translation>已受理/审单中</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="57"/>
        <source>查验</source>
        <translation>查验</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="58"/>
        <source>已放行</source>
        <translation>已放行</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="58"/>
        <source>退回</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="59"/>
        <source>已撤销</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="59"/>
        <source>统计看板</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="60"/>
        <source>原产地证书</source>
        <translation>原产地证书</translation>
    </message>
</context>
<context>
    <name>NavPanel</name>
    <message>
        <location filename="../../ui/widgets/nav.py" line="95"/>
        <source>报检单</source>
        <translation>报检单</translation>
    </message>
</context>
<context>
    <name>NeedsPanel</name>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="91"/>
        <source>须凭通关单</source>
        <extracomment>chip colours per catalogue letter group (animals/plants, food, goods, verification)</extracomment>
        <translation>须凭通关单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="98"/>
        <source>按检验检疫目录，本商品无须另附许可证、证书或单据。</source>
        <translation>按检验检疫目录，本商品无须另附许可证、证书或单据。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="100"/>
        <source>填写 HS 编码和检验检疫编码后，这里列出本商品需要的许可证、证书和单据。</source>
        <translation>填写 HS 编码和检验检疫编码后，这里列出本商品需要的许可证、证书和单据。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="117"/>
        <source>许可证</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="117"/>
        <source>随附单据</source>
        <translation>随附单据</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="118"/>
        <source>证单</source>
        <translation>证单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="118"/>
        <source>货物属性</source>
        <translation>货物属性</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="119"/>
        <location filename="../../ui/editor/needs_panel.py" line="125"/>
        <source>填写</source>
        <translation>填写</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="119"/>
        <source>通关单</source>
        <translation>通关单</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="125"/>
        <source>添加</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="141"/>
        <source>本商品需要（第 %d 项）</source>
        <translation>本商品需要（第 %d 项）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="142"/>
        <source>本商品需要</source>
        <translation>本商品需要</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../ui/notifications.py" line="48"/>
        <location filename="../../ui/notifications.py" line="53"/>
        <source>已放行</source>
        <translation>已放行</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="48"/>
        <source>报检单 {no} 已放行</source>
        <translation>报检单 {no} 已放行</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="52"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py" line="53"/>
        <source>%n 份报检单已放行：{first} 等</source>
        <translation>
            <numerusform>%n 份报检单已放行：{first} 等</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="57"/>
        <source>报检单 {no} 被退回</source>
        <translation>报检单 {no} 被退回</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="60"/>
        <source>：{why}</source>
        <translation>：{why}</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="61"/>
        <source>退回</source>
        <translation>退回</translation>
    </message>
</context>
<context>
    <name>OriginEditor</name>
    <message>
        <location filename="../../ui/origin_page.py" line="198"/>
        <source>原产地证书 {id}</source>
        <translation>原产地证书 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="204"/>
        <source>证书类型</source>
        <translation>证书类型</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="205"/>
        <source>出口商</source>
        <translation>出口商</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="205"/>
        <source>出口商地址</source>
        <translation>出口商地址</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="206"/>
        <source>生产商</source>
        <translation>生产商</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="206"/>
        <source>收货人</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="207"/>
        <source>收货人地址</source>
        <translation>收货人地址</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="208"/>
        <source>收货人国家</source>
        <translation>收货人国家</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="209"/>
        <source>离港日期</source>
        <translation>离港日期</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="210"/>
        <source>运输工具</source>
        <translation>运输工具</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="211"/>
        <source>装货港</source>
        <translation>装货港</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="212"/>
        <source>卸货港</source>
        <translation>卸货港</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="213"/>
        <source>申请地点</source>
        <translation>申请地点</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="214"/>
        <source>申请日期</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="215"/>
        <source>后发原因</source>
        <translation>后发原因</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="216"/>
        <source>第三方开票方</source>
        <translation>第三方开票方</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="222"/>
        <source>后发证书</source>
        <translation>后发证书</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="224"/>
        <source>第三方发票</source>
        <translation>第三方发票</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="235"/>
        <source>唛头</source>
        <translation>唛头</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="235"/>
        <source>货物描述</source>
        <translation>货物描述</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="235"/>
        <source>HS编码</source>
        <translation>HS编码</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="235"/>
        <source>原产地标准</source>
        <translation>原产地标准</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="236"/>
        <source>区域价值%</source>
        <translation>区域价值%</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="236"/>
        <source>数量</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="236"/>
        <source>单位</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="236"/>
        <source>毛重kg</source>
        <translation>毛重kg</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="237"/>
        <source>发票号</source>
        <translation>发票号</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="237"/>
        <source>发票日期</source>
        <translation>发票日期</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="243"/>
        <source>添加货物</source>
        <translation>添加货物</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="249"/>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="250"/>
        <source>校验</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="304"/>
        <source>校验通过</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="322"/>
        <source>原产地证书</source>
        <translation>原产地证书</translation>
    </message>
</context>
<context>
    <name>OriginPage</name>
    <message>
        <location filename="../../ui/origin_page.py" line="80"/>
        <location filename="../../ui/origin_page.py" line="137"/>
        <source>原产地证书</source>
        <translation>原产地证书</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="81"/>
        <source>由报检单新建(&amp;N)</source>
        <translation>由报检单新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="82"/>
        <source>编辑(&amp;E)</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="83"/>
        <source>申报(&amp;F)</source>
        <translation>申报(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="84"/>
        <source>打印 PDF(&amp;P)</source>
        <translation>打印 PDF(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="86"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="86"/>
        <source>证书类型</source>
        <translation>证书类型</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="86"/>
        <source>收货人</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="86"/>
        <source>国家</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="87"/>
        <source>证书号</source>
        <translation>证书号</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="87"/>
        <source>更新时间</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="104"/>
        <source>全部 {n}</source>
        <translation>全部 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="145"/>
        <location filename="../../ui/origin_page.py" line="149"/>
        <source>由报检单新建</source>
        <translation>由报检单新建</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="146"/>
        <source>出境报检单编号或报检号：</source>
        <translation>出境报检单编号或报检号：</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="149"/>
        <source>证书类型：</source>
        <translation>证书类型：</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="178"/>
        <source>另存为 PDF</source>
        <translation>另存为 PDF</translation>
    </message>
</context>
<context>
    <name>PairsEdit</name>
    <message>
        <location filename="../../ui/editor/widgets.py" line="33"/>
        <source>类别:编号，多项用逗号分隔</source>
        <translation>类别:编号，多项用逗号分隔</translation>
    </message>
</context>
<context>
    <name>PartiesSection</name>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="8"/>
        <source>中文名称</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="9"/>
        <source>外文名称</source>
        <translation>外文名称</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="10"/>
        <source>备案号</source>
        <translation>备案号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="11"/>
        <source>统一社会信用代码</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="12"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="13"/>
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="14"/>
        <source>报检员证号</source>
        <translation>报检员证号</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="30"/>
        <source>文件</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="30"/>
        <source>行</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="30"/>
        <source>出入境</source>
        <translation>出入境</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="31"/>
        <source>合同号</source>
        <translation>合同号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="31"/>
        <source>收货人/发货人</source>
        <translation>收货人/发货人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="31"/>
        <source>货物</source>
        <translation>货物</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="31"/>
        <source>货物项数</source>
        <translation>货物项数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="32"/>
        <source>货值</source>
        <translation>货值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="30"/>
        <source>错误</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>文件</source>
        <extracomment>the column of the errors validation found</extracomment>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>行</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>列</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>字段</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>问题</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>RowsTableModel</name>
    <message>
        <location filename="../../ui/editor/table_model.py" line="242"/>
        <source>请输入日期，如 2026-11-30</source>
        <extracomment>kinds whose value is a list (an empty cell is ``[]``, not ``None``) the row dataclass (``pairs`` columns build its list items)</extracomment>
        <translation>请输入日期，如 2026-11-30</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_model.py" line="249"/>
        <source>请写成“类别:编号”，多项用逗号分隔，如 325:ABC123,411:2026001</source>
        <translation>请写成“类别:编号”，多项用逗号分隔，如 325:ABC123,411:2026001</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_model.py" line="255"/>
        <source>请输入货物序号，多个用逗号分隔，如 1,2</source>
        <translation>请输入货物序号，多个用逗号分隔，如 1,2</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_model.py" line="260"/>
        <source>请输入数字，如 1200.5</source>
        <translation>请输入数字，如 1200.5</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_model.py" line="265"/>
        <source>请输入整数</source>
        <translation>请输入整数</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../ui/widgets/search_box.py" line="36"/>
        <source>搜索报检号、合同号、提单号、收发货人… (Ctrl+F)</source>
        <translation>搜索报检号、合同号、提单号、收发货人… (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>ShownField</name>
    <message>
        <location filename="../../ui/editor/widgets.py" line="54"/>
        <source>放行后由平台签发</source>
        <translation>放行后由平台签发</translation>
    </message>
</context>
<context>
    <name>StoreErrorDialog</name>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="32"/>
        <source>无法打开数据库</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="36"/>
        <source>最近的备份：{name}</source>
        <translation>最近的备份：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="37"/>
        <source>backups/ 中没有可用的备份。</source>
        <translation>backups/ 中没有可用的备份。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="40"/>
        <source>从备份恢复</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="42"/>
        <source>打开其他数据目录…</source>
        <translation>打开其他数据目录…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="43"/>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="62"/>
        <source>选择数据目录</source>
        <translation>选择数据目录</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="26"/>
        <source>从未同步</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="32"/>
        <source>刚刚</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="34"/>
        <source>{n} 分钟前</source>
        <translation>{n} 分钟前</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="36"/>
        <source>{n} 小时前</source>
        <translation>{n} 小时前</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="76"/>
        <source>离线工作（未登录）</source>
        <translation>离线工作（未登录）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="78"/>
        <source>正在同步…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="80"/>
        <source>正在同步 {d}/{t}…</source>
        <translation>正在同步 {d}/{t}…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="82"/>
        <source>离线</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="84"/>
        <source>同步出错</source>
        <translation>同步出错</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="86"/>
        <source>在线</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="90"/>
        <source>待发送 {n}</source>
        <translation>待发送 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="92"/>
        <source>上次同步：{t}</source>
        <translation>上次同步：{t}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="97"/>
        <source>上次成功同步：{t}</source>
        <translation>上次成功同步：{t}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/header_bar.py" line="99"/>
        <source>发件箱中有 %n 项等待发送</source>
        <translation>
            <numerusform>发件箱中有 %n 项等待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="101"/>
        <source>最近一次同步失败：{e}</source>
        <translation>最近一次同步失败：{e}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="103"/>
        <source>无法连接平台：可以继续编辑和定稿，联网后自动发送。</source>
        <translation>无法连接平台：可以继续编辑和定稿，联网后自动发送。</translation>
    </message>
</context>
<context>
    <name>TableSection</name>
    <message numerus="yes">
        <location filename="../../ui/editor/section_goods.py" line="101"/>
        <source>共 %n 行</source>
        <translation>
            <numerusform>共 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="104"/>
        <source>新增一行 (Insert)</source>
        <translation>新增一行 (Insert)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="105"/>
        <source>复制此行 (Ctrl+D)</source>
        <translation>复制此行 (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="106"/>
        <source>删除此行 (Ctrl+Delete)</source>
        <translation>删除此行 (Ctrl+Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="107"/>
        <source>直接输入即可编辑单元格；回车确认并跳到下一格；代码列输入代码或名称后从列表中选择。</source>
        <translation>直接输入即可编辑单元格；回车确认并跳到下一格；代码列输入代码或名称后从列表中选择。</translation>
    </message>
</context>
<context>
    <name>TemplateSaver</name>
    <message>
        <location filename="../../ui/editor/templates.py" line="36"/>
        <location filename="../../ui/editor/templates.py" line="50"/>
        <source>另存为模板</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="36"/>
        <source>模板名称：</source>
        <translation>模板名称：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="42"/>
        <source>模板名称不能为空。</source>
        <translation>模板名称不能为空。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="51"/>
        <source>已有名为“%1”的模板，要替换它吗？</source>
        <translation>已有名为“%1”的模板，要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="59"/>
        <source>已另存为模板“%1”，可在“从模板新建”中使用。</source>
        <translation>已另存为模板“%1”，可在“从模板新建”中使用。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="66"/>
        <source>未能另存为模板：%1</source>
        <translation>未能另存为模板：%1</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../ui/timeline.py" line="224"/>
        <source>已复制 ✓</source>
        <extracomment>status → the strong colour of the one palette (client.lifecycle)</extracomment>
        <translation>已复制 ✓</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="235"/>
        <source>尚未分配（定稿时分配）</source>
        <translation>尚未分配（定稿时分配）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="238"/>
        <source>复制报检号</source>
        <translation>复制报检号</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="241"/>
        <source>通关单号：</source>
        <translation>通关单号：</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="245"/>
        <source>当前状态：</source>
        <translation>当前状态：</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>报检号（一次申报、一号到底）</source>
        <translation>报检号（一次申报、一号到底）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="252"/>
        <source>状态记录与回执</source>
        <translation>状态记录与回执</translation>
    </message>
</context>
<context>
    <name>TraceBox</name>
    <message>
        <location filename="../../ui/trace_box.py" line="105"/>
        <source>溯源：扫描标签或输入编号</source>
        <translation>溯源：扫描标签或输入编号</translation>
    </message>
    <message>
        <location filename="../../ui/trace_box.py" line="106"/>
        <source>扫描溯源标签（或输入商品备案号、报检号）后按回车，查看货物、报检单及状态记录</source>
        <translation>扫描溯源标签（或输入商品备案号、报检号）后按回车，查看货物、报检单及状态记录</translation>
    </message>
</context>
<context>
    <name>TraceDialog</name>
    <message>
        <location filename="../../ui/trace_box.py" line="59"/>
        <source>溯源查询</source>
        <translation>溯源查询</translation>
    </message>
    <message>
        <location filename="../../ui/trace_box.py" line="75"/>
        <source>打开报检单 %1</source>
        <translation>打开报检单 %1</translation>
    </message>
</context>
<context>
    <name>ValidateSelectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="52"/>
        <source>批量校验</source>
        <translation>批量校验</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="53"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="65"/>
        <source>正在校验…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="73"/>
        <source>正在取消：当前这一页校验完后停止…</source>
        <translation>正在取消：当前这一页校验完后停止…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="78"/>
        <source>已校验 {d} / {t}</source>
        <translation>已校验 {d} / {t}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="85"/>
        <source>已校验 {n} 份：{ok} 份通过，{bad} 份有错误</source>
        <translation>已校验 {n} 份：{ok} 份通过，{bad} 份有错误</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="88"/>
        <source>已取消。</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>dlg</name>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="108"/>
        <source>上次未完成：已完成 {d} 份，还剩 {p} 份。点“继续”接着处理。</source>
        <translation>上次未完成：已完成 {d} 份，还剩 {p} 份。点“继续”接着处理。</translation>
    </message>
</context>
</TS>
