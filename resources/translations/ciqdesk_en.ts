<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AttachmentsModel</name>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="65"/>
        <source>单据类型</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="65"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="65"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>AttachmentsSection</name>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="216"/>
        <source>选择随附单据</source>
        <translation>Choose attachments</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="217"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="229"/>
        <source>“%s”不是 PDF 文件，随附单据只接受 PDF</source>
        <translation>&quot;%s&quot; is not a PDF; attachments must be PDF files</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="236"/>
        <source>“%s”超过 4 MB，请压缩后再添加</source>
        <translation>&quot;%s&quot; is larger than 4 MB; compress it first</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="248"/>
        <source>“%s”已在随附单据中</source>
        <translation>&quot;%s&quot; is already attached</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="255"/>
        <source>无法添加“%s”：%s</source>
        <translation>Cannot add &quot;%s&quot;: %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="274"/>
        <source>新单据类型：</source>
        <translation>New document type:</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="275"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="276"/>
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="277"/>
        <source>把 PDF 文件拖到上面的列表中即可添加（每个不超过 4 MB）；添加前先选择单据类型。</source>
        <translation>Drop PDF files on the list above to add them (4 MB each at most); choose the document type first.</translation>
    </message>
</context>
<context>
    <name>BasicSection</name>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="60"/>
        <source>一般报检</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="60"/>
        <source>进口直通</source>
        <translation>Import direct</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="61"/>
        <source>出口直放</source>
        <translation>Export direct</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="61"/>
        <source>进口转单</source>
        <translation>Import transfer</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="64"/>
        <source>适用跨境电商负面清单与商品备案规则</source>
        <translation>Cross-border e-commerce negative list and product registration rules apply</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="66"/>
        <source>货物属于外商投资财产</source>
        <translation>The goods are foreign investment property</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="115"/>
        <source>批量定稿</source>
        <translation>Finalise in bulk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/batch_dialog.py" line="116"/>
        <source>批量定稿 %n 份报检单</source>
        <translation>
            <numerusform>Finalise %n declaration</numerusform>
            <numerusform>Finalise %n declarations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="117"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="118"/>
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="119"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="120"/>
        <source>立即申报</source>
        <translation>Submit now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="151"/>
        <source>正在取消：当前这份处理完后停止…</source>
        <translation>Cancelling: stopping after the current declaration…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="163"/>
        <source>已处理 {d} / {t}</source>
        <translation>{d} / {t} processed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="173"/>
        <source>已暂停：完成 {d} 份，还剩 {p} 份。点“继续”接着处理。</source>
        <translation>Paused: {d} done, {p} left. Press &quot;Resume&quot; to carry on.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="177"/>
        <source>完成：成功 {d} 份，失败 {f} 份。</source>
        <translation>Finished: {d} succeeded, {f} failed.</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="63"/>
        <source>证单</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="63"/>
        <source>正本份数</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="63"/>
        <source>副本份数</source>
        <translation>Copies</translation>
    </message>
</context>
<context>
    <name>CertificatesSection</name>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="227"/>
        <source>勾选需要签发的证单（空格键勾选），并填写正本、副本份数（0–9）。</source>
        <translation>Tick the certificates to be issued (Space) and enter the number of originals and copies (0–9).</translation>
    </message>
</context>
<context>
    <name>ClientDefaultsCommand</name>
    <message>
        <location filename="../../ui/client_defaults.py" line="179"/>
        <source>委托企业默认值…</source>
        <translation>Client defaults…</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="180"/>
        <source>设置为各委托企业新建报检单时预先填写的字段</source>
        <translation>Set the fields filled in advance in every new declaration for each client enterprise</translation>
    </message>
</context>
<context>
    <name>ClientDefaultsDialog</name>
    <message>
        <location filename="../../ui/client_defaults.py" line="84"/>
        <source>委托企业默认值</source>
        <translation>Client defaults</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="85"/>
        <source>委托企业：</source>
        <translation>Client:</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="86"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="86"/>
        <source>默认值</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="93"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="94"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="110"/>
        <source>没有委托企业：代理报检账户登录并同步后，这里列出可代理的企业。</source>
        <translation>No client enterprises: after a broker account logs in and syncs, the enterprises it files for are listed here.</translation>
    </message>
    <message>
        <location filename="../../ui/client_defaults.py" line="152"/>
        <source>已保存：此后为该企业新建的报检单会预先填好这些字段。</source>
        <translation>Saved: new declarations for this enterprise will start with these fields filled in.</translation>
    </message>
</context>
<context>
    <name>CodePicker</name>
    <message>
        <location filename="../../ui/editor/code_picker.py" line="248"/>
        <source>代码无效</source>
        <translation>Unknown code</translation>
    </message>
</context>
<context>
    <name>CodeVersionsCommand</name>
    <message>
        <location filename="../../ui/code_versions.py" line="121"/>
        <source>代码表版本</source>
        <translation>Code table versions</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="122"/>
        <source>查看本机使用的各代码表版本</source>
        <translation>Show the version of each code table this desk uses</translation>
    </message>
</context>
<context>
    <name>CodeVersionsDialog</name>
    <message>
        <location filename="../../ui/code_versions.py" line="17"/>
        <source>随附单据类型</source>
        <extracomment>the code tables&apos; names (translated in the &quot;CodeVersionsDialog&quot; context)</extracomment>
        <translation>Attachment types</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="18"/>
        <source>随附单据类型（eCIQ）</source>
        <translation>Attachment types (eCIQ)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="19"/>
        <source>检验检疫机构</source>
        <translation>Inspection bureaus</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="20"/>
        <source>证单类型</source>
        <translation>Certificate types</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="21"/>
        <source>证单类型（eCIQ）</source>
        <translation>Certificate types (eCIQ)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="22"/>
        <source>检验检疫编码</source>
        <translation>CIQ codes</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="23"/>
        <source>国家（地区）</source>
        <translation>Countries (regions)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="24"/>
        <source>企业信用等级</source>
        <translation>Credit grades</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="25"/>
        <source>币制</source>
        <translation>Currencies</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="26"/>
        <source>危包类别</source>
        <translation>Dangerous-goods packing categories</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="27"/>
        <source>国内地区</source>
        <translation>Domestic districts</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="28"/>
        <source>企业资质类型</source>
        <translation>Enterprise qualification types</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="29"/>
        <source>货物属性</source>
        <translation>Goods attributes</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="30"/>
        <source>普惠制给惠国</source>
        <translation>GSP donor countries</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="31"/>
        <source>HS编码（2022）</source>
        <translation>HS codes (2022)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="32"/>
        <source>HS类目</source>
        <translation>HS sections</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="33"/>
        <source>法检目录（替代版）</source>
        <translation>Inspection catalogue (stand-in)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="34"/>
        <source>报检类别</source>
        <translation>Inspection types</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="35"/>
        <source>产品资质（入境）</source>
        <translation>Product licences (inbound)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="36"/>
        <source>产品资质（出境）</source>
        <translation>Product licences (outbound)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="37"/>
        <source>跨境电商负面清单</source>
        <translation>E-commerce negative list</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="38"/>
        <source>原产地优惠贸易协定</source>
        <translation>Preferential trade agreements</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="39"/>
        <source>原产地标准</source>
        <translation>Origin criteria</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="40"/>
        <source>协定成员国（地区）</source>
        <translation>Agreement partners</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="41"/>
        <source>包装种类</source>
        <translation>Package types</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="42"/>
        <source>用途</source>
        <translation>Purposes</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="43"/>
        <source>直通放行区域</source>
        <translation>Direct-release regions</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="44"/>
        <source>贸易方式对照（海关→eCIQ）</source>
        <translation>Trade mode mapping (customs → eCIQ)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="45"/>
        <source>贸易方式</source>
        <translation>Trade modes</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="46"/>
        <source>监管方式（海关）</source>
        <translation>Trade modes (customs)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="47"/>
        <source>贸易方式（eCIQ）</source>
        <translation>Trade modes (eCIQ)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="48"/>
        <source>运输方式对照（海关→eCIQ）</source>
        <translation>Transport mode mapping (customs → eCIQ)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="49"/>
        <source>运输方式</source>
        <translation>Transport modes</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="50"/>
        <source>运输方式（海关）</source>
        <translation>Transport modes (customs)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="51"/>
        <source>运输方式（eCIQ）</source>
        <translation>Transport modes (eCIQ)</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="52"/>
        <source>计量单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="85"/>
        <source>平台下发</source>
        <translation>From the platform</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="85"/>
        <source>程序内置</source>
        <translation>Built in</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="89"/>
        <source>代码表版本</source>
        <translation>Code table versions</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="90"/>
        <source>本机校验和下拉选择使用以下版本的代码表。同步时平台下发的新版本会替换程序内置的版本。</source>
        <translation>Validation and the drop-down lists on this desk use these code table versions. A newer version the platform sends at sync replaces the built-in one.</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="92"/>
        <source>代码表</source>
        <translation>Code table</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="92"/>
        <source>标识</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="92"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/code_versions.py" line="92"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>ContainersSection</name>
    <message numerus="yes">
        <location filename="../../ui/editor/section_goods.py" line="216"/>
        <source>共 %n 个集装箱</source>
        <translation>
            <numerusform>%n container</numerusform>
            <numerusform>%n containers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard.py" line="136"/>
        <source>统计看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="137"/>
        <source>按本机已同步的数据统计</source>
        <translation>From the data synced to this computer</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="168"/>
        <source>报检单总数</source>
        <translation>Declarations</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="169"/>
        <source>待发送（已定稿）</source>
        <translation>To send (finalised)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="170"/>
        <source>受理/审单/查验中</source>
        <translation>Accepted / in review / inspection</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="171"/>
        <source>近30天放行 · 放行时间中位数</source>
        <translation>Released in 30 days · median time to release</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="179"/>
        <source>{m} 分钟</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="181"/>
        <source>{h:.1f} 小时</source>
        <translation>{h:.1f} h</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="182"/>
        <source>{d:.1f} 天</source>
        <translation>{d:.1f} days</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="185"/>
        <source>各状态报检单数量</source>
        <translation>Declarations by status</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="209"/>
        <source>近30天每日放行数</source>
        <translation>Releases per day, last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="238"/>
        <source>提交到放行时间中位数（小时），按信用等级</source>
        <translation>Median hours from submission to release, by credit grade</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="251"/>
        <source>{g}级</source>
        <translation>Grade {g}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.py" line="255"/>
        <source>参与统计的放行份数：{m}</source>
        <translation>Releases measured: {m}</translation>
    </message>
</context>
<context>
    <name>DeclarationsModel</name>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="414"/>
        <source>报检号</source>
        <translation>Inspection no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="414"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="415"/>
        <source>出入境</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="415"/>
        <source>通关模式</source>
        <translation>Clearance</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="416"/>
        <source>收货人/发货人</source>
        <translation>Consignee/consignor</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="416"/>
        <source>合同号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="417"/>
        <source>提单号</source>
        <translation>B/L no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="417"/>
        <source>货物</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="417"/>
        <source>货值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="418"/>
        <source>最后回执时间</source>
        <translation>Last receipt</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="418"/>
        <source>定稿人</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="419"/>
        <source>通关单号</source>
        <translation>Clearance doc. no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="430"/>
        <source>本地校验结果</source>
        <translation>Local validation result</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="468"/>
        <source>（未编号）</source>
        <translation>(not numbered)</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="512"/>
        <source>定稿时已通过校验</source>
        <translation>Passed validation when finalised</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="514"/>
        <source>尚未校验（或校验后又有修改）</source>
        <translation>Not validated (or changed since)</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="516"/>
        <source>校验通过</source>
        <translation>Valid</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/declarations_model.py" line="516"/>
        <source>，%n 个提示</source>
        <translation>
            <numerusform>, %n warning</numerusform>
            <numerusform>, %n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/declarations_model.py" line="518"/>
        <source>%n 个错误</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="524"/>
        <source>定稿时分配报检号。本地编号：{id}</source>
        <translation>The inspection number is assigned when finalised. Local id: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/models/declarations_model.py" line="526"/>
        <source>放行后平台签发的通关单号，报关时填写</source>
        <translation>Issued by the platform on release; enter it in the customs declaration</translation>
    </message>
</context>
<context>
    <name>DemoController</name>
    <message>
        <location filename="../../ui/demo.py" line="101"/>
        <source>演示模式：正在启动本机沙箱平台并登录 {u}…</source>
        <translation>Demo: starting the local sandbox platform and logging in as {u}…</translation>
    </message>
    <message>
        <location filename="../../ui/demo.py" line="112"/>
        <source>演示模式：已提交演示报检单，每 3 秒同步一次，约一分钟内可看到放行。</source>
        <translation>Demo: sample declarations submitted; syncing every 3 s, releases appear within about a minute.</translation>
    </message>
</context>
<context>
    <name>DraftBinCommand</name>
    <message>
        <location filename="../../ui/draft_bin.py" line="162"/>
        <source>最近删除的草稿…</source>
        <translation>Recently deleted drafts…</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="163"/>
        <source>查看并恢复 %d 天内删除的草稿</source>
        <translation>See and restore the drafts deleted in the last %d days</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="164"/>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="165"/>
        <source>恢复刚才删除的草稿 (Ctrl+Z)</source>
        <translation>Restore the drafts just deleted (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="192"/>
        <source>只能删除草稿</source>
        <translation>Only drafts can be deleted</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="199"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="200"/>
        <source>删除所选的 %n 份草稿？删除后 {days} 天内可在“报检单 → 最近删除的草稿”中恢复。</source>
        <translation>
            <numerusform>Delete the %n selected draft? For {days} days it can be restored from Declaration → Recently deleted drafts.</numerusform>
            <numerusform>Delete the %n selected drafts? For {days} days they can be restored from Declaration → Recently deleted drafts.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="206"/>
        <source>所选的报检单中没有草稿</source>
        <translation>There are no drafts among the selected declarations</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="215"/>
        <source>正在删除 %n 份草稿…</source>
        <translation>
            <numerusform>Deleting %n draft…</numerusform>
            <numerusform>Deleting %n drafts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="222"/>
        <source>已删除 %n 份草稿（Ctrl+Z 撤销；也可在“报检单 → 最近删除的草稿”中恢复）。</source>
        <translation>
            <numerusform>%n draft deleted (Ctrl+Z to undo; or restore it from Declaration → Recently deleted drafts).</numerusform>
            <numerusform>%n drafts deleted (Ctrl+Z to undo; or restore them from Declaration → Recently deleted drafts).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="242"/>
        <source>正在恢复 %n 份草稿…</source>
        <translation>
            <numerusform>Restoring %n draft…</numerusform>
            <numerusform>Restoring %n drafts…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftBinDialog</name>
    <message>
        <location filename="../../ui/draft_bin.py" line="91"/>
        <source>没有最近删除的草稿。</source>
        <translation>No drafts were deleted recently.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="104"/>
        <source>恢复所选 (%n)</source>
        <translation>
            <numerusform>Restore selected (%n)</numerusform>
            <numerusform>Restore selected (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="104"/>
        <source>恢复所选</source>
        <translation>Restore selected</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="111"/>
        <source>正在恢复 %n 份草稿…</source>
        <translation>
            <numerusform>Restoring %n draft…</numerusform>
            <numerusform>Restoring %n drafts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="32"/>
        <source>已恢复 %n 份草稿。</source>
        <translation>
            <numerusform>%n draft restored.</numerusform>
            <numerusform>%n drafts restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/draft_bin.py" line="35"/>
        <source>%n 份未恢复：同一编号的报检单已经存在（删除后又导入或新建过），仍留在最近删除的草稿中。</source>
        <translation>
            <numerusform>%n not restored: a declaration with the same id exists again (imported or created after the deletion); it stays among the recently deleted drafts.</numerusform>
            <numerusform>%n not restored: declarations with the same ids exist again (imported or created after the deletion); they stay among the recently deleted drafts.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="122"/>
        <source>最近删除的草稿</source>
        <translation>Recently deleted drafts</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="123"/>
        <source>删除的草稿在这里保留 %d 天，可恢复为草稿，内容和编号与删除前相同。</source>
        <translation>Deleted drafts are kept here for %d days and can be restored as drafts, exactly as they were.</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="125"/>
        <source>删除时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="125"/>
        <source>出入境</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="125"/>
        <source>合同号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="125"/>
        <source>收货人/发货人</source>
        <translation>Consignee/consignor</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="126"/>
        <source>货物</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/draft_bin.py" line="126"/>
        <source>删除人</source>
        <translation>Deleted by</translation>
    </message>
</context>
<context>
    <name>EcertDrop</name>
    <message>
        <location filename="../../ui/ecert_drop.py" line="37"/>
        <source>已据电子证书 {f} 生成入境报检草稿</source>
        <translation>Inbound draft created from e-certificate {f}</translation>
    </message>
    <message>
        <location filename="../../ui/ecert_drop.py" line="42"/>
        <source>导入电子证书</source>
        <translation>Import e-certificate</translation>
    </message>
    <message>
        <location filename="../../ui/ecert_drop.py" line="43"/>
        <source>已据 {f} 生成入境报检草稿，请核对：</source>
        <translation>An inbound draft was created from {f}; please check:</translation>
    </message>
</context>
<context>
    <name>EditTableView</name>
    <message>
        <location filename="../../ui/editor/table_view.py" line="200"/>
        <source>第%d行“%s”：%s</source>
        <translation>Row %d &quot;%s&quot;: %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_view.py" line="285"/>
        <source>已删除第%d行（Ctrl+Z 撤销）</source>
        <translation>Line %d deleted (Ctrl+Z to undo)</translation>
    </message>
</context>
<context>
    <name>EditorOffice</name>
    <message>
        <location filename="../../ui/editor/office.py" line="62"/>
        <source>同事 %s 也打开了这份草稿；保存时以先保存者为准，您会看到对方的修改。</source>
        <translation>Colleague %s has this draft open too: the first save wins, and you will see their changes.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="80"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="81"/>
        <source>草稿已被同事修改</source>
        <translation>A colleague changed this draft</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="83"/>
        <source>使用对方的版本</source>
        <translation>Take their version</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="85"/>
        <source>另存为我的副本</source>
        <translation>Save mine as a copy</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="114"/>
        <source>您的修改已另存为新草稿 %s；本窗口显示同事的版本。</source>
        <translation>Your changes were saved as a new draft %s; this window shows your colleague’s version.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/office.py" line="121"/>
        <source>副本未能保存：%s</source>
        <translation>The copy was not saved: %s</translation>
    </message>
</context>
<context>
    <name>EditorSections</name>
    <message>
        <location filename="../../ui/editor/section_attachments.py" line="154"/>
        <source>随附单据</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="19"/>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="23"/>
        <source>报检概况</source>
        <translation>Declaration overview</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="42"/>
        <source>企业资质与关联单证</source>
        <translation>Enterprise qualifications and linked documents</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="49"/>
        <source>检验检疫机构</source>
        <translation>Inspection bureaus</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_basic.py" line="53"/>
        <source>货物存放与标记</source>
        <translation>Storage and marks</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_certificates.py" line="172"/>
        <source>所需证单</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="120"/>
        <source>货物明细</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="211"/>
        <source>集装箱</source>
        <translation>Containers</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="20"/>
        <source>收发货人</source>
        <translation>Consignee/consignor</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="23"/>
        <source>报检单位</source>
        <translation>Declarant</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="25"/>
        <source>报检员</source>
        <translation>Declarer</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="32"/>
        <source>收货人</source>
        <translation>Consignee</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="33"/>
        <source>发货人</source>
        <translation>Consignor</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="36"/>
        <source>代理报检单位（可选）</source>
        <translation>Agent (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_transport.py" line="16"/>
        <source>运输信息</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_transport.py" line="20"/>
        <source>运输工具</source>
        <translation>Means of transport</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_transport.py" line="24"/>
        <source>国家与口岸</source>
        <translation>Countries and ports</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_transport.py" line="43"/>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../ui/editor/window.py" line="285"/>
        <source>无法打开报检单：%s</source>
        <translation>Cannot open the declaration: %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="299"/>
        <source>最后修改 %s</source>
        <translation>Last changed %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="384"/>
        <source>✓ 未发现问题，可以提交修改</source>
        <translation>✓ No problems: ready to submit the amendment</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="385"/>
        <source>✓ 未发现问题</source>
        <translation>✓ No problems</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="386"/>
        <source>✓ 未发现问题，可以定稿</source>
        <translation>✓ No problems: ready to finalise</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="405"/>
        <source>入境</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="405"/>
        <source>出境</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="406"/>
        <source>%s货物报检单</source>
        <translation>%s goods declaration</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="408"/>
        <source>修改申请（未提交）</source>
        <translation>Amendment (not submitted)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="411"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="415"/>
        <source> · 只读</source>
        <translation> · read-only</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="424"/>
        <source>报检号 &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Inspection no. &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="427"/>
        <source>报检号：定稿时分配</source>
        <translation>Inspection no.: assigned when finalised</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="437"/>
        <source>新报检单</source>
        <translation>New declaration</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="437"/>
        <source>草稿 %s</source>
        <translation>Draft %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="438"/>
        <source>CIQ Desk 报检单编辑</source>
        <translation>CIQ Desk declaration editor</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="508"/>
        <source>有未保存的修改…</source>
        <translation>Unsaved changes…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="545"/>
        <source>已自动保存 %s</source>
        <translation>Saved automatically %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="576"/>
        <source>这份报检单已不是草稿，不能再直接修改：%s</source>
        <translation>This declaration is no longer a draft and cannot be edited: %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="580"/>
        <source>自动保存失败：%s。您的修改仍保留在本窗口中，%d 秒后自动重试（Ctrl+S 立即重试）。</source>
        <translation>Autosave failed: %s. Your changes are kept in this window; retrying in %d s (Ctrl+S to retry now).</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="582"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="597"/>
        <source>修改申请未能暂存：%s</source>
        <translation>The amendment could not be kept: %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="700"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="709"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="710"/>
        <source>定稿 (Ctrl+Enter)</source>
        <translation>Finalise (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="711"/>
        <source>修改申请</source>
        <translation>Amend</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="712"/>
        <source>提交修改</source>
        <translation>Submit amendment</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="713"/>
        <source>放弃修改</source>
        <translation>Discard amendment</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="714"/>
        <source>撤销申请</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="715"/>
        <source>复制为新报检单</source>
        <translation>Copy as new declaration</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="717"/>
        <source>打印/PDF</source>
        <translation>Print/PDF</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="718"/>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="730"/>
        <source>只读：这份草稿已被删除，可在主窗口“报检单 → 最近删除的草稿”中恢复。</source>
        <translation>Read-only: this draft has been deleted; restore it from Declaration → Recently deleted drafts in the main window.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="735"/>
        <source>只读：已定稿或已提交的报检单不能直接修改，请使用“修改申请”或“撤销申请”。</source>
        <translation>Read-only: a finalised or submitted declaration cannot be edited; use &quot;Amend&quot; or &quot;Withdraw&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="738"/>
        <source>只读：已提交的报检单不能直接修改，请使用“修改申请”。</source>
        <translation>Read-only: a submitted declaration cannot be edited; use &quot;Amend&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="740"/>
        <source>只读：已提交的报检单不能直接修改，可以“撤销申请”。</source>
        <translation>Read-only: a submitted declaration cannot be edited; it can be withdrawn (&quot;Withdraw&quot;).</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="742"/>
        <source>只读：已定稿，等待平台受理；受理后可以修改或撤销。可“复制为新报检单”。</source>
        <translation>Read-only: finalised, waiting for the platform to accept it; once accepted it can be amended or withdrawn. &quot;Copy as new declaration&quot; is available.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="745"/>
        <source>只读：此报检单已办结（%s），不能再修改或撤销；可“复制为新报检单”。</source>
        <translation>Read-only: this declaration is closed (%s) and can no longer be amended or withdrawn; &quot;Copy as new declaration&quot; is available.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="750"/>
        <source>修改申请：改好后点击“提交修改”；报检号保持不变。</source>
        <translation>Amendment: make the changes, then press &quot;Submit amendment&quot;; the inspection number stays the same.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="752"/>
        <source>回车：下一项&#x3000;Ctrl+S：保存&#x3000;Ctrl+Enter：定稿&#x3000;F8：下一个问题&#x3000;Ctrl+PgDn：下一部分&#x3000;Esc：关闭</source>
        <translation>Enter: next field&#x3000;Ctrl+S: save&#x3000;Ctrl+Enter: finalise&#x3000;F8: next problem&#x3000;Ctrl+PgDn: next section&#x3000;Esc: close</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="781"/>
        <source>修改尚未保存（%s），窗口暂不关闭以免丢失输入。请排除问题后按 Ctrl+S 重试。</source>
        <translation>Changes are not saved (%s); the window stays open so nothing is lost. Fix the problem and press Ctrl+S.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/window.py" line="716"/>
        <source>另存为模板</source>
        <translation>Save as template</translation>
    </message>
</context>
<context>
    <name>FieldBinding</name>
    <message>
        <location filename="../../ui/editor/widgets.py" line="164"/>
        <source>日期格式不正确，请输入如 20261130 或 2026-11-30</source>
        <translation>Invalid date: enter e.g. 20261130 or 2026-11-30</translation>
    </message>
    <message>
        <location filename="../../ui/editor/widgets.py" line="166"/>
        <source>代码“%s”不在代码表中，请从下拉列表中选择</source>
        <translation>Code &quot;%s&quot; is not in the code table; pick one from the list</translation>
    </message>
    <message>
        <location filename="../../ui/editor/widgets.py" line="168"/>
        <source>请写成“类别:编号”，多项用逗号分隔</source>
        <translation>Write type:number, several separated by commas</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="92"/>
        <source>欢迎使用 CIQ Desk 报检通</source>
        <translation>Welcome to CIQ Desk</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="95"/>
        <source>请填写检验检疫电子申报平台的地址和您的登录账号。没有账号时，可先连接本机沙箱试用。</source>
        <translation>Enter the address of the inspection e-declaration platform and your login. Without an account, try the local sandbox first.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="100"/>
        <source>https://平台地址</source>
        <translation>https://platform-address</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="101"/>
        <source>试用沙箱</source>
        <translation>Try the sandbox</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="104"/>
        <source>使用本机沙箱平台 %1（仅供试用，数据不会报送）</source>
        <translation>Use the local sandbox platform %1 (for trying out only; nothing is really declared)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="113"/>
        <source>报检单位账号</source>
        <translation>Declarant account</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="118"/>
        <source>平台地址：</source>
        <translation>Platform address:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="119"/>
        <source>用户名：</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="120"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="138"/>
        <source>连接办公室数据库</source>
        <translation>Connect to the office database</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="144"/>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="150"/>
        <source>办公室数据库：</source>
        <translation>Office database:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="156"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="158"/>
        <source>稍后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="211"/>
        <source>请输入办公室数据库地址，例如 postgresql+psycopg://用户@服务器/ciqdesk</source>
        <translation>Enter the office database address, e.g. postgresql+psycopg://user@server/ciqdesk</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="216"/>
        <source>正在连接办公室数据库…</source>
        <translation>Connecting to the office database…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="222"/>
        <source>已连接办公室数据库；重新启动 CIQ Desk 后，本机将使用办公室的共享数据。</source>
        <translation>Connected to the office database: after a restart this desk uses the office’s shared store.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="247"/>
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="261"/>
        <source>请输入用户名。</source>
        <translation>Please enter the username.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="265"/>
        <source>请输入密码。</source>
        <translation>Please enter the password.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="291"/>
        <source>登录时发生内部错误，详情已写入日志。</source>
        <translation>An internal error occurred while logging in; details are in the log.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="103"/>
        <source>启动本机沙箱平台并以演示账号登录（仅供试用，数据不会报送）</source>
        <translation>Start the local sandbox platform and log in with the demo account (for trying out only; nothing is filed)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="188"/>
        <source>正在启动本机沙箱…</source>
        <translation>Starting the local sandbox…</translation>
    </message>
</context>
<context>
    <name>Follower</name>
    <message>
        <location filename="../../ui/editor/follow.py" line="46"/>
        <source>这份草稿已被删除，不能再修改。可在主窗口“报检单 → 最近删除的草稿”中恢复，或用“复制为新报检单”另存一份。</source>
        <translation>This draft has been deleted and can no longer be changed. Restore it from Declaration → Recently deleted drafts in the main window, or keep a copy with Copy as new declaration.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../ui/models/formatting.py" line="53"/>
        <source>入境</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="55"/>
        <source>出境</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="60"/>
        <source>一般报检</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="61"/>
        <source>进口直通</source>
        <translation>Import direct</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="62"/>
        <source>出口直放</source>
        <translation>Export direct</translation>
    </message>
    <message>
        <location filename="../../ui/models/formatting.py" line="63"/>
        <source>进口转单</source>
        <translation>Import transfer</translation>
    </message>
</context>
<context>
    <name>GoodsSection</name>
    <message numerus="yes">
        <location filename="../../ui/editor/section_goods.py" line="204"/>
        <source>共 %n 项&#x3000;净重 %s 千克&#x3000;毛重 %s 千克&#x3000;货值 %s</source>
        <translation>
            <numerusform>%n line&#x3000;net %s kg&#x3000;gross %s kg&#x3000;value %s</numerusform>
            <numerusform>%n lines&#x3000;net %s kg&#x3000;gross %s kg&#x3000;value %s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GradeBadge</name>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="53"/>
        <source>信用 {g}</source>
        <translation>Credit {g}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="53"/>
        <source>信用 未知</source>
        <translation>Credit unknown</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="159"/>
        <source>CIQ Desk 报检</source>
        <translation>CIQ Desk</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="160"/>
        <source>委托企业：</source>
        <translation>Client:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="162"/>
        <location filename="../../ui/widgets/header_bar.py" line="246"/>
        <source>全部委托企业</source>
        <translation>All clients</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="179"/>
        <source>尚未从平台取得信用等级：登录并同步后显示。</source>
        <translation>No credit grade from the platform yet: log in and sync to see it.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="181"/>
        <source>诚信企业：免除单证审核，仅按最低比例随机抽检，通关最快。</source>
        <translation>Trusted enterprise: document review waived, random inspection at the lowest rate; fastest clearance.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="182"/>
        <source>便利通关：减少单证审核，降低查验比例。</source>
        <translation>Facilitated: reduced document review and inspection rate.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="183"/>
        <source>常规管理：正常单证审核和查验。</source>
        <translation>Normal handling: regular document review and inspection.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="184"/>
        <source>严密监管：加强单证审核，提高查验比例。</source>
        <translation>Strict supervision: reinforced document review, raised inspection rate.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="185"/>
        <source>严重失信：最严格监管，每批货物均须查验。</source>
        <translation>Seriously untrustworthy: strictest supervision, every batch inspected.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="202"/>
        <source>可使用进口直通/出口直放及异地报检。</source>
        <translation>May use import direct / export direct and declare at another bureau.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="203"/>
        <source>不可使用进口直通/出口直放及异地报检。</source>
        <translation>May not use import direct / export direct or declare at another bureau.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="204"/>
        <source>等级更新于：{t}</source>
        <translation>Grade updated: {t}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="205"/>
        <source>等级更新时间未知</source>
        <translation>Grade update time unknown</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="212"/>
        <source>未登录企业</source>
        <translation>No enterprise logged in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="220"/>
        <source>统一社会信用代码：{u}
报检单位登记号：{r}</source>
        <translation>Unified social credit code: {u}
CIQ registration no.: {r}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="234"/>
        <source>委托企业：{n}</source>
        <translation>Client: {n}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="136"/>
        <source>导入报检单</source>
        <translation>Import declarations</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="137"/>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="139"/>
        <source>支持 Excel 模板 (.xlsx)、CSV 和 JSON 文件；导入为草稿。</source>
        <translation>Excel template (.xlsx), CSV and JSON files; imported as drafts.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="140"/>
        <source>将导入 ({n})</source>
        <translation>To import ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="141"/>
        <source>问题 ({n})</source>
        <translation>Problems ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="142"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="143"/>
        <source>生成错误报告…</source>
        <translation>Write error report…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="144"/>
        <source>校验导入的草稿，生成 Excel 错误报告（错误写在对应单元格旁），改好后可再导入</source>
        <translation>Validate the imported drafts and write an Excel error report (each error beside its cell); fix it and import it again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="145"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="145"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="155"/>
        <source>选择要导入的文件</source>
        <translation>Choose files to import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="156"/>
        <source>报检单文件 (*.xlsx *.csv *.json);;所有文件 (*)</source>
        <translation>Declaration files (*.xlsx *.csv *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="164"/>
        <source>正在读取文件…</source>
        <translation>Reading files…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="188"/>
        <source>已取消读取，未导入任何内容。</source>
        <translation>Reading cancelled; nothing was imported.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_dialog.py" line="191"/>
        <source>可导入 %n 份报检单</source>
        <translation>
            <numerusform>%n declaration can be imported</numerusform>
            <numerusform>%n declarations can be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_dialog.py" line="192"/>
        <source>；%n 个问题（有问题的报检单不会导入）。</source>
        <translation>
            <numerusform>; %n problem (declarations with problems are not imported).</numerusform>
            <numerusform>; %n problems (declarations with problems are not imported).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="194"/>
        <source>没有可导入的报检单。</source>
        <translation>Nothing to import.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="204"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="216"/>
        <source>已导入 {n} 份（新建 {a}，更新 {b}）。</source>
        <translation>Imported {n} ({a} new, {b} updated).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="218"/>
        <source>另有 {m} 份未导入：</source>
        <translation>{m} not imported: </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="224"/>
        <source>已取消：</source>
        <translation>Cancelled: </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="232"/>
        <source>保存错误报告</source>
        <translation>Save error report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="233"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="241"/>
        <source>正在生成错误报告…</source>
        <translation>Writing the error report…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="251"/>
        <source>错误报告已保存：{p}（{e} 份有错误，共 {n} 份）</source>
        <translation>Error report saved: {p} ({e} with errors of {n})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="284"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../../ui/editor/issues_panel.py" line="108"/>
        <source>✓ 未发现问题，可以定稿</source>
        <translation>✓ No problems: ready to finalise</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/issues_panel.py" line="113"/>
        <source>%n 个错误</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/issues_panel.py" line="115"/>
        <source>%n 个警告</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/issues_panel.py" line="118"/>
        <source>（点击条目跳到对应字段）</source>
        <translation>(click an entry to jump to its field)</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="101"/>
        <source>正在定稿…</source>
        <extracomment>the platform version the amendment being edited is based on</extracomment>
        <translation>Finalising…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/lifecycle.py" line="109"/>
        <source>还有 %n 个错误，不能定稿。请按下方列表逐项修改（点击条目跳到字段）。</source>
        <translation>
            <numerusform>%n error left: cannot finalise. Fix it from the list below (click to jump to the field).</numerusform>
            <numerusform>%n errors left: cannot finalise. Fix them one by one from the list below (click to jump to the field).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="120"/>
        <source>已定稿，报检号 %s。报检单将在下次同步时发送。</source>
        <translation>Finalised as %s. It will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="132"/>
        <source>未能定稿：%s</source>
        <translation>Not finalised: %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="177"/>
        <source>已恢复上次未提交的修改申请：改好后点“提交修改”。</source>
        <translation>Restored the amendment you had not submitted: press &quot;Submit amendment&quot; when done.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="180"/>
        <source>正在填写修改申请：改好后点“提交修改”。报检号不变（一号到底）。</source>
        <translation>Amending: press &quot;Submit amendment&quot; when done. The inspection number stays the same.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="213"/>
        <source>修改申请已排队，将在下次同步时发送。</source>
        <translation>Amendment queued; it will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="219"/>
        <source>修改申请未提交：%s</source>
        <translation>Amendment not submitted: %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="229"/>
        <source>撤销申请</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="229"/>
        <source>请填写撤销原因（必填）：</source>
        <translation>Reason for withdrawal (required):</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="233"/>
        <source>请填写撤销原因</source>
        <translation>Please give a reason for the withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="239"/>
        <source>撤销申请未提交：%s</source>
        <translation>Withdrawal not submitted: %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="244"/>
        <source>撤销申请已排队，将在下次同步时发送。</source>
        <translation>Withdrawal queued; it will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="257"/>
        <source>未能复制：%s</source>
        <translation>Could not copy: %s</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="263"/>
        <source>已复制为新草稿（合同号 %s）。</source>
        <translation>Copied into a new draft (contract %s).</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="282"/>
        <source>打印报检单</source>
        <translation>Print declaration</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="283"/>
        <source>打印报检单，或另存为 PDF 文件？</source>
        <translation>Print the declaration, or save it as PDF?</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="284"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="285"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="286"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="294"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="295"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor/lifecycle.py" line="307"/>
        <source>已保存 PDF（%n 页）：%s</source>
        <translation>
            <numerusform>PDF saved (%n page): %s</numerusform>
            <numerusform>PDF saved (%n pages): %s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/lifecycle.py" line="309"/>
        <source>未能保存 PDF：%s</source>
        <translation>Could not save the PDF: %s</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/main_list.py" line="220"/>
        <source>全部报检单</source>
        <extracomment>what each column must show in full, measured in the table&apos;s font (so the widths suit Noto Sans CJK, Microsoft YaHei or PingFang at whatever size the platform uses) the list views that show the 通关单号 column (their rows can have been released) True while :meth:`selectAll` selects every row (listeners wait for ``select_all_requested`` instead of reading the selected rows one by one)</extracomment>
        <translation>All declarations</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="220"/>
        <source>草稿</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="221"/>
        <source>已定稿待发送</source>
        <translation>Finalised, to send</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="221"/>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="222"/>
        <source>已受理/审单中</source>
        <translation>Accepted / in review</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="222"/>
        <source>查验</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="223"/>
        <source>已放行</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="223"/>
        <source>退回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="224"/>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="242"/>
        <source>最近的 {b} 份报检单中没有与“{q}”匹配的。点“继续搜索全部”也查找更早的报检单，或多输入一个字（三个字起搜索全部报检单）。</source>
        <translation>None of the newest {b} declarations matches “{q}”. Click “Search all” to look through the older ones too, or type another character (from three characters on, every declaration is searched).</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="246"/>
        <source>最近的 {b} 份报检单中没有与“{q}”匹配的（这段文字太常见，一次击键内查不完全部）。点“继续搜索全部”也查找更早的报检单。</source>
        <translation>None of the newest {b} declarations matches “{q}” (the text is too common to search every declaration within a keystroke). Click “Search all” to look through the older ones too.</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="271"/>
        <source>继续搜索全部</source>
        <translation>Search all</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="272"/>
        <source>这次搜索只查了最近的 {b} 份报检单（一两个字或很常见的文字）；点此查找全部（可能需要几秒）</source>
        <translation>This search looked only through the newest {b} declarations (one or two characters, or a very common text); click to search them all (may take a few seconds)</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="250"/>
        <source>没有找到与“{q}”匹配的报检单。可按报检号、合同号、提单号或收发货人名称搜索。</source>
        <translation>No declaration matches &quot;{q}&quot;. Search by inspection number, contract, B/L or consignee/consignor name.</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="253"/>
        <source>此状态下没有报检单。</source>
        <translation>No declarations in this state.</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="255"/>
        <source>还没有报检单。
按 Ctrl+N 新建入境报检单、Ctrl+Shift+N 新建出境报检单，或把 Excel 模板文件拖到窗口中批量导入。</source>
        <translation>No declarations yet.
Press Ctrl+N for a new inbound declaration, Ctrl+Shift+N for an outbound one, or drop Excel template files on the window to import them.</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="262"/>
        <source>最近的 {b} 份中有 {n} 份</source>
        <translation>{n} in the newest {b}</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="265"/>
        <source>共 {n} 份</source>
        <translation>{n} in all</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="324"/>
        <source>已选择全部 {n} 条符合条件的</source>
        <translation>All {n} matching selected</translation>
    </message>
    <message>
        <location filename="../../ui/main_list.py" line="326"/>
        <source>全选 {n} 条符合条件的</source>
        <translation>Select all {n} matching</translation>
    </message>
</context>
<context>
    <name>LogoutCommand</name>
    <message>
        <location filename="../../ui/logout.py" line="38"/>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/logout.py" line="39"/>
        <source>退出平台登录：撤销本机的登录凭据；本机的报检单保留，下次登录后继续申报</source>
        <translation>Log out of the platform: the login kept on this computer is revoked; the declarations stay here and are sent after the next login</translation>
    </message>
    <message>
        <location filename="../../ui/logout.py" line="66"/>
        <source>已退出登录。本机的报检单都已保留。</source>
        <translation>Logged out. Every declaration on this computer was kept.</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../ui/main_actions.py" line="60"/>
        <source>新建入境</source>
        <translation>New inbound</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="60"/>
        <source>新建入境报检单 (Ctrl+N)</source>
        <translation>New inbound declaration (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="61"/>
        <source>新建出境</source>
        <translation>New outbound</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="61"/>
        <source>新建出境报检单 (Ctrl+Shift+N)</source>
        <translation>New outbound declaration (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="62"/>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="62"/>
        <source>复制所选报检单为新草稿 (Ctrl+D)</source>
        <translation>Copy the selected declaration into a new draft (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="63"/>
        <source>从模板新建</source>
        <translation>From template</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="63"/>
        <source>用保存的模板新建草稿</source>
        <translation>New draft from a saved template</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="64"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="64"/>
        <source>打开所选报检单 (Enter)</source>
        <translation>Open the selected declaration (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="65"/>
        <source>校验</source>
        <translation>Validate</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="65"/>
        <source>按规则校验所选报检单 (Ctrl+L)</source>
        <translation>Check the selected declarations against the rules (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="66"/>
        <source>定稿</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="66"/>
        <source>校验通过后定稿并分配报检号 (Ctrl+Enter)</source>
        <translation>Finalise and assign an inspection number once valid (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="67"/>
        <source>申报/同步</source>
        <translation>Submit/Sync</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="67"/>
        <source>发送待申报的报检单并接收回执 (F5)</source>
        <translation>Send finalised declarations and receive receipts (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="68"/>
        <source>登录平台…</source>
        <translation>Log in to the platform…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="68"/>
        <source>登录检验检疫电子申报平台（或本机沙箱）</source>
        <translation>Log in to the e-declaration platform (or the local sandbox)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="69"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="69"/>
        <source>从 Excel、CSV 或 JSON 文件批量导入草稿</source>
        <translation>Import drafts from Excel, CSV or JSON files</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="70"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="70"/>
        <source>把所选报检单导出为 Excel 模板、CSV 或 JSON 文件</source>
        <translation>Export the selected declarations as the Excel template, CSV or JSON</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="71"/>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="71"/>
        <source>删除所选草稿（已编号的报检单不能删除）</source>
        <translation>Delete the selected drafts (numbered declarations cannot be deleted)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="72"/>
        <source>复制报检号</source>
        <translation>Copy inspection no.</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="72"/>
        <source>把报检号复制到剪贴板</source>
        <translation>Copy the inspection number to the clipboard</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="73"/>
        <source>状态历史</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="73"/>
        <source>查看回执和状态变化</source>
        <translation>Receipts and status changes</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="74"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="74"/>
        <source>按报检单格式预览、打印或另存为 PDF (Ctrl+P)</source>
        <translation>Preview the official form, print it or save it as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="75"/>
        <source>统计看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="75"/>
        <source>按状态、放行时间和信用等级统计</source>
        <translation>Figures by status, release time and credit grade</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="76"/>
        <source>报检单列表</source>
        <translation>Declarations</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="76"/>
        <source>回到报检单列表</source>
        <translation>Back to the declarations list</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="77"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="77"/>
        <source>搜索报检单</source>
        <translation>Search declarations</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="78"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="78"/>
        <source>退出 CIQ Desk</source>
        <translation>Quit CIQ Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_actions.py" line="79"/>
        <source>关于 CIQ Desk</source>
        <translation>About CIQ Desk</translation>
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
        <translation>{n} selected</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="140"/>
        <source>没有可显示中文的字体，无法打印</source>
        <translation>No font that can show Chinese: cannot print</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="155"/>
        <source>状态历史 — {no}</source>
        <translation>Status history — {no}</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="169"/>
        <source>已复制为新草稿</source>
        <translation>Copied into a new draft</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="183"/>
        <source>（还没有模板：在编辑器中“另存为模板”）</source>
        <translation>(no templates yet: use &quot;Save as template&quot; in the editor)</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="186"/>
        <source>出境</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="187"/>
        <source>入境</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="193"/>
        <location filename="../../ui/main_commands.py" line="200"/>
        <source>删除模板</source>
        <translation>Delete template</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="201"/>
        <source>删除模板“{n}”？用它新建的报检单不受影响。</source>
        <translation>Delete the template “{n}”? Declarations made from it are not affected.</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="207"/>
        <source>已删除模板“{n}”</source>
        <translation>Template “{n}” deleted</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="245"/>
        <source>已校验 {n} 份：{ok} 份通过，{bad} 份有错误</source>
        <translation>Validated {n}: {ok} valid, {bad} with errors</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="247"/>
        <source>正在校验…</source>
        <translation>Validating…</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="257"/>
        <source>只有草稿可以定稿</source>
        <translation>Only drafts can be finalised</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="276"/>
        <source>已定稿，报检号 {no}</source>
        <translation>Finalised as {no}</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="276"/>
        <source>已定稿</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="284"/>
        <source>未通过校验</source>
        <translation>Validation failed</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="311"/>
        <source>导出报检单</source>
        <translation>Export declarations</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="312"/>
        <source>Excel 模板 (*.xlsx);;CSV 文件 (*.csv);;JSON 文件 (*.json)</source>
        <translation>Excel template (*.xlsx);;CSV file (*.csv);;JSON file (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="317"/>
        <source>已导出 {n} 份到 {p}</source>
        <translation>Exported {n} to {p}</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="325"/>
        <source>已复制报检号</source>
        <translation>Inspection number copied</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="340"/>
        <source>已登录平台，正在同步…</source>
        <translation>Logged in; syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="363"/>
        <source>关于 CIQ Desk</source>
        <translation>About CIQ Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_commands.py" line="363"/>
        <source>&lt;h3&gt;CIQ Desk {v}&lt;/h3&gt;&lt;p&gt;出入境检验检疫报检桌面客户端：离线制单、本地校验、一次申报、一号到底。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CIQ Desk {v}&lt;/h3&gt;&lt;p&gt;Desktop client for entry-exit inspection and quarantine declarations: prepare offline, validate locally, declare once with one number for life.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>CIQ Desk — 出入境检验检疫报检</source>
        <translation>CIQ Desk — Inspection &amp; Quarantine Declarations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>报检单(&amp;D)</source>
        <translation>&amp;Declaration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>申报(&amp;S)</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>{n}+ 份</source>
        <translation>{n}+</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>共 {n} 份 · 草稿 {d} · 待发送 {r} · 已放行 {x}</source>
        <translation>{n} in all · Drafts: {d} · To send: {r} · Released: {x}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>已载入 {n} 份，向下滚动载入更多</source>
        <translation>{n} loaded; scroll down for more</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>正在载入…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>NavModel</name>
    <message>
        <location filename="../../ui/models/nav_model.py" line="55"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="55"/>
        <source>草稿</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="56"/>
        <source>已定稿待发送</source>
        <translation>To send</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="56"/>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="57"/>
        <source>已受理/审单中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="57"/>
        <source>查验</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="58"/>
        <source>已放行</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="58"/>
        <source>退回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="59"/>
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="59"/>
        <source>统计看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/models/nav_model.py" line="60"/>
        <source>原产地证书</source>
        <translation>Certificates of origin</translation>
    </message>
</context>
<context>
    <name>NavPanel</name>
    <message>
        <location filename="../../ui/widgets/nav.py" line="95"/>
        <source>报检单</source>
        <translation>Declarations</translation>
    </message>
</context>
<context>
    <name>NeedsPanel</name>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="91"/>
        <source>须凭通关单</source>
        <extracomment>chip colours per catalogue letter group (animals/plants, food, goods, verification)</extracomment>
        <translation>Clearance document required</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="98"/>
        <source>按检验检疫目录，本商品无须另附许可证、证书或单据。</source>
        <translation>By the inspection catalogue, these goods need no further licence, certificate or document.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="100"/>
        <source>填写 HS 编码和检验检疫编码后，这里列出本商品需要的许可证、证书和单据。</source>
        <translation>Once the HS code and CIQ code are filled in, the licences, certificates and documents these goods need are listed here.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="117"/>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="117"/>
        <source>随附单据</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="118"/>
        <source>证单</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="118"/>
        <source>货物属性</source>
        <translation>Goods attribute</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="119"/>
        <location filename="../../ui/editor/needs_panel.py" line="125"/>
        <source>填写</source>
        <translation>Fill in</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="119"/>
        <source>通关单</source>
        <translation>Clearance document</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="125"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="141"/>
        <source>本商品需要（第 %d 项）</source>
        <translation>These goods need (line %d)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/needs_panel.py" line="142"/>
        <source>本商品需要</source>
        <translation>These goods need</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../ui/notifications.py" line="48"/>
        <location filename="../../ui/notifications.py" line="53"/>
        <source>已放行</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="48"/>
        <source>报检单 {no} 已放行</source>
        <translation>Declaration {no} was released</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="52"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notifications.py" line="53"/>
        <source>%n 份报检单已放行：{first} 等</source>
        <translation>
            <numerusform>%n declaration released: {first}</numerusform>
            <numerusform>%n declarations released: {first} and more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="57"/>
        <source>报检单 {no} 被退回</source>
        <translation>Declaration {no} was rejected</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="60"/>
        <source>：{why}</source>
        <translation>: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/notifications.py" line="61"/>
        <source>退回</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>OriginEditor</name>
    <message>
        <location filename="../../ui/origin_page.py" line="198"/>
        <source>原产地证书 {id}</source>
        <translation>Certificate of origin {id}</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="204"/>
        <source>证书类型</source>
        <translation>Certificate type</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="205"/>
        <source>出口商</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="205"/>
        <source>出口商地址</source>
        <translation>Exporter&apos;s address</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="206"/>
        <source>生产商</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="206"/>
        <source>收货人</source>
        <translation>Consignee</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="207"/>
        <source>收货人地址</source>
        <translation>Consignee&apos;s address</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="208"/>
        <source>收货人国家</source>
        <translation>Consignee&apos;s country</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="209"/>
        <source>离港日期</source>
        <translation>Departure date</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="210"/>
        <source>运输工具</source>
        <translation>Means of transport</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="211"/>
        <source>装货港</source>
        <translation>Port of loading</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="212"/>
        <source>卸货港</source>
        <translation>Port of discharge</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="213"/>
        <source>申请地点</source>
        <translation>Place of application</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="214"/>
        <source>申请日期</source>
        <translation>Date of application</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="215"/>
        <source>后发原因</source>
        <translation>Reason for retroactive issue</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="216"/>
        <source>第三方开票方</source>
        <translation>Third-party invoicing party</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="222"/>
        <source>后发证书</source>
        <translation>Issued retroactively</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="224"/>
        <source>第三方发票</source>
        <translation>Third-party invoicing</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="235"/>
        <source>唛头</source>
        <translation>Marks</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="235"/>
        <source>货物描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="235"/>
        <source>HS编码</source>
        <translation>HS code</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="235"/>
        <source>原产地标准</source>
        <translation>Origin criterion</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="236"/>
        <source>区域价值%</source>
        <translation>RVC %</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="236"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="236"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="236"/>
        <source>毛重kg</source>
        <translation>Gross kg</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="237"/>
        <source>发票号</source>
        <translation>Invoice no.</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="237"/>
        <source>发票日期</source>
        <translation>Invoice date</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="243"/>
        <source>添加货物</source>
        <translation>Add goods line</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="249"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="250"/>
        <source>校验</source>
        <translation>Validate</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="304"/>
        <source>校验通过</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="322"/>
        <source>原产地证书</source>
        <translation>Certificates of origin</translation>
    </message>
</context>
<context>
    <name>OriginPage</name>
    <message>
        <location filename="../../ui/origin_page.py" line="80"/>
        <location filename="../../ui/origin_page.py" line="137"/>
        <source>原产地证书</source>
        <translation>Certificates of origin</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="81"/>
        <source>由报检单新建(&amp;N)</source>
        <translation>&amp;New from declaration</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="82"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="83"/>
        <source>申报(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="84"/>
        <source>打印 PDF(&amp;P)</source>
        <translation>&amp;Print PDF</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="86"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="86"/>
        <source>证书类型</source>
        <translation>Certificate type</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="86"/>
        <source>收货人</source>
        <translation>Consignee</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="86"/>
        <source>国家</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="87"/>
        <source>证书号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="87"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="104"/>
        <source>全部 {n}</source>
        <translation>All {n}</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="145"/>
        <location filename="../../ui/origin_page.py" line="149"/>
        <source>由报检单新建</source>
        <translation>New from declaration</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="146"/>
        <source>出境报检单编号或报检号：</source>
        <translation>Outbound declaration id or inspection no.:</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="149"/>
        <source>证书类型：</source>
        <translation>Certificate type:</translation>
    </message>
    <message>
        <location filename="../../ui/origin_page.py" line="178"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
</context>
<context>
    <name>PairsEdit</name>
    <message>
        <location filename="../../ui/editor/widgets.py" line="33"/>
        <source>类别:编号，多项用逗号分隔</source>
        <translation>type:number, comma-separated</translation>
    </message>
</context>
<context>
    <name>PartiesSection</name>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="8"/>
        <source>中文名称</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="9"/>
        <source>外文名称</source>
        <translation>Foreign name</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="10"/>
        <source>备案号</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="11"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="12"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="13"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_parties.py" line="14"/>
        <source>报检员证号</source>
        <translation>Declarer licence no.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="30"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="30"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="30"/>
        <source>出入境</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="31"/>
        <source>合同号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="31"/>
        <source>收货人/发货人</source>
        <translation>Consignee/consignor</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="31"/>
        <source>货物</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="31"/>
        <source>货物项数</source>
        <translation>Goods lines</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="32"/>
        <source>货值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="30"/>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>文件</source>
        <extracomment>the column of the errors validation found</extracomment>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_models.py" line="76"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>RowsTableModel</name>
    <message>
        <location filename="../../ui/editor/table_model.py" line="242"/>
        <source>请输入日期，如 2026-11-30</source>
        <extracomment>kinds whose value is a list (an empty cell is ``[]``, not ``None``) the row dataclass (``pairs`` columns build its list items)</extracomment>
        <translation>Enter a date, e.g. 2026-11-30</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_model.py" line="249"/>
        <source>请写成“类别:编号”，多项用逗号分隔，如 325:ABC123,411:2026001</source>
        <translation>Write type:number, comma-separated, e.g. 325:ABC123,411:2026001</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_model.py" line="255"/>
        <source>请输入货物序号，多个用逗号分隔，如 1,2</source>
        <translation>Enter goods line numbers, comma-separated, e.g. 1,2</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_model.py" line="260"/>
        <source>请输入数字，如 1200.5</source>
        <translation>Enter a number, e.g. 1200.5</translation>
    </message>
    <message>
        <location filename="../../ui/editor/table_model.py" line="265"/>
        <source>请输入整数</source>
        <translation>Enter a whole number</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../ui/widgets/search_box.py" line="36"/>
        <source>搜索报检号、合同号、提单号、收发货人… (Ctrl+F)</source>
        <translation>Search inspection no., contract, B/L, names… (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>ShownField</name>
    <message>
        <location filename="../../ui/editor/widgets.py" line="54"/>
        <source>放行后由平台签发</source>
        <translation>Issued by the platform on release</translation>
    </message>
</context>
<context>
    <name>StoreErrorDialog</name>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="32"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="36"/>
        <source>最近的备份：{name}</source>
        <translation>Newest backup: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="37"/>
        <source>backups/ 中没有可用的备份。</source>
        <translation>There is no usable backup in backups/.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="40"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="42"/>
        <source>打开其他数据目录…</source>
        <translation>Open another data folder…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="43"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/store_error.py" line="62"/>
        <source>选择数据目录</source>
        <translation>Choose a data folder</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="26"/>
        <source>从未同步</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="32"/>
        <source>刚刚</source>
        <translation>just now</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="34"/>
        <source>{n} 分钟前</source>
        <translation>{n} min ago</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="36"/>
        <source>{n} 小时前</source>
        <translation>{n} h ago</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="76"/>
        <source>离线工作（未登录）</source>
        <translation>Working offline (not logged in)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="78"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="80"/>
        <source>正在同步 {d}/{t}…</source>
        <translation>Syncing {d}/{t}…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="82"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="84"/>
        <source>同步出错</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="86"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="90"/>
        <source>待发送 {n}</source>
        <translation>{n} to send</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="92"/>
        <source>上次同步：{t}</source>
        <translation>Last sync: {t}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="97"/>
        <source>上次成功同步：{t}</source>
        <translation>Last successful sync: {t}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/header_bar.py" line="99"/>
        <source>发件箱中有 %n 项等待发送</source>
        <translation>
            <numerusform>%n item waits in the outbox</numerusform>
            <numerusform>%n items wait in the outbox</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="101"/>
        <source>最近一次同步失败：{e}</source>
        <translation>The last sync failed: {e}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/header_bar.py" line="103"/>
        <source>无法连接平台：可以继续编辑和定稿，联网后自动发送。</source>
        <translation>The platform cannot be reached: keep editing and finalising; everything is sent once online.</translation>
    </message>
</context>
<context>
    <name>TableSection</name>
    <message numerus="yes">
        <location filename="../../ui/editor/section_goods.py" line="101"/>
        <source>共 %n 行</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="104"/>
        <source>新增一行 (Insert)</source>
        <translation>Add a row (Insert)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="105"/>
        <source>复制此行 (Ctrl+D)</source>
        <translation>Duplicate row (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="106"/>
        <source>删除此行 (Ctrl+Delete)</source>
        <translation>Delete row (Ctrl+Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/editor/section_goods.py" line="107"/>
        <source>直接输入即可编辑单元格；回车确认并跳到下一格；代码列输入代码或名称后从列表中选择。</source>
        <translation>Type to edit a cell; Enter confirms and moves on; in code columns type a code or name and pick from the list.</translation>
    </message>
</context>
<context>
    <name>TemplateSaver</name>
    <message>
        <location filename="../../ui/editor/templates.py" line="36"/>
        <location filename="../../ui/editor/templates.py" line="50"/>
        <source>另存为模板</source>
        <translation>Save as template</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="36"/>
        <source>模板名称：</source>
        <translation>Template name:</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="42"/>
        <source>模板名称不能为空。</source>
        <translation>The template name is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="51"/>
        <source>已有名为“%1”的模板，要替换它吗？</source>
        <translation>A template named “%1” exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="59"/>
        <source>已另存为模板“%1”，可在“从模板新建”中使用。</source>
        <translation>Saved as template “%1”; use it from “New from template”.</translation>
    </message>
    <message>
        <location filename="../../ui/editor/templates.py" line="66"/>
        <source>未能另存为模板：%1</source>
        <translation>Could not save as template: %1</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../ui/timeline.py" line="224"/>
        <source>已复制 ✓</source>
        <extracomment>status → the strong colour of the one palette (client.lifecycle)</extracomment>
        <translation>Copied ✓</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="235"/>
        <source>尚未分配（定稿时分配）</source>
        <translation>Not assigned yet (assigned when finalised)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="238"/>
        <source>复制报检号</source>
        <translation>Copy inspection no.</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="241"/>
        <source>通关单号：</source>
        <translation>Clearance doc. no.: </translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="245"/>
        <source>当前状态：</source>
        <translation>Current status:</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="251"/>
        <source>报检号（一次申报、一号到底）</source>
        <translation>Inspection no. (one number for life)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="252"/>
        <source>状态记录与回执</source>
        <translation>Status history and receipts</translation>
    </message>
</context>
<context>
    <name>TraceBox</name>
    <message>
        <location filename="../../ui/trace_box.py" line="105"/>
        <source>溯源：扫描标签或输入编号</source>
        <translation>Trace: scan a label or type a number</translation>
    </message>
    <message>
        <location filename="../../ui/trace_box.py" line="106"/>
        <source>扫描溯源标签（或输入商品备案号、报检号）后按回车，查看货物、报检单及状态记录</source>
        <translation>Scan a traceability label (or type a product registration or inspection no.) and press Enter to see the goods, their declarations and status history</translation>
    </message>
</context>
<context>
    <name>TraceDialog</name>
    <message>
        <location filename="../../ui/trace_box.py" line="59"/>
        <source>溯源查询</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location filename="../../ui/trace_box.py" line="75"/>
        <source>打开报检单 %1</source>
        <translation>Open declaration %1</translation>
    </message>
</context>
<context>
    <name>ValidateSelectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="52"/>
        <source>批量校验</source>
        <translation>Batch validation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="53"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="65"/>
        <source>正在校验…</source>
        <translation>Validating…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="73"/>
        <source>正在取消：当前这一页校验完后停止…</source>
        <translation>Cancelling: stopping after the current page…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="78"/>
        <source>已校验 {d} / {t}</source>
        <translation>Validated {d} / {t}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="85"/>
        <source>已校验 {n} 份：{ok} 份通过，{bad} 份有错误</source>
        <translation>Validated {n}: {ok} valid, {bad} with errors</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/selection_dialog.py" line="88"/>
        <source>已取消。</source>
        <translation>Cancelled. </translation>
    </message>
</context>
<context>
    <name>dlg</name>
    <message>
        <location filename="../../ui/dialogs/batch_dialog.py" line="108"/>
        <source>上次未完成：已完成 {d} 份，还剩 {p} 份。点“继续”接着处理。</source>
        <translation>Unfinished last time: {d} done, {p} left. Press &quot;Resume&quot; to carry on.</translation>
    </message>
</context>
</TS>
