<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppActions</name>
    <message>
        <location filename="../shell.py" line="128"/>
        <source>Pick a reply…</source>
        <extracomment>Tray sizes the badge is drawn at: each from the SVGs, so the digit stays sharp. Where badge.svg draws its badge (the bottom-right corner), as a share of the icon: a badge for the top-left corner is drawn that much up and to the left.</extracomment>
        <translation>选择回复…</translation>
    </message>
    <message>
        <location filename="../shell.py" line="129"/>
        <source>New conversation</source>
        <translation>新会话</translation>
    </message>
    <message>
        <location filename="../windows.py" line="48"/>
        <source>Phrasebooks…</source>
        <translation>短语库…</translation>
    </message>
    <message>
        <location filename="../windows.py" line="49"/>
        <source>Typing practice…</source>
        <translation>打字练习…</translation>
    </message>
    <message>
        <location filename="../windows.py" line="50"/>
        <source>Statistics…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <location filename="../windows.py" line="51"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../shell.py" line="132"/>
        <source>Pause hotkeys</source>
        <translation>暂停快捷键</translation>
    </message>
    <message>
        <location filename="../self_test.py" line="77"/>
        <location filename="../shell.py" line="133"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../context.py" line="138"/>
        <source>Your settings are in use but could not be saved ({reason}); they will be lost when QuickReply quits.</source>
        <extracomment>Settings in use could not be written (the notice to show, translated). The suggestions&apos; index, built on a thread of its own, is ready (emitted from that thread: a window&apos;s slot runs in its own, queued). A window asks for another by its registry name; the app opens it. Keeps subscribed books up to date: built, listened to and started by the app wiring (``ui.app.share_subscriptions``), which sets it here for the windows that show subscriptions. It needs only the store, so it does not know this class. Whether the app&apos;s global hotkeys work here (set by the app wiring): the first-run wizard offers a live try, or explains ``quickreply pick``. Whether the settings in use are not on disk and the agent was told. Whether the app follows every window&apos;s title here (set by the app wiring), and whether any title seen had an unread counter (ui.replies.wait_clock): without both there are no response times, and Settings says why. Every phrase as last read from the store; windows use this rather than reading again. Every book as last read, for what the picker asks on each opening. The replies to suggest for a buyer&apos;s message the agent copied.</extracomment>
        <translation>您的设置已生效，但无法保存（{reason}）；退出 QuickReply 后这些设置将丢失。</translation>
    </message>
</context>
<context>
    <name>BookActions</name>
    <message>
        <location filename="../manager/books.py" line="53"/>
        <source>New book</source>
        <extracomment>What ``BookActions._attempt`` returns when the core refused. Export formats offered, with the extension a name without one gets.</extracomment>
        <translation>新建短语库</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="53"/>
        <source>Name of the new book:</source>
        <translation>新短语库的名称：</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="57"/>
        <source>Cannot create the book</source>
        <translation>无法创建短语库</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="60"/>
        <source>Created the book “{book}”.</source>
        <translation>已创建短语库“{book}”。</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="66"/>
        <source>Rename book</source>
        <translation>重命名短语库</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="66"/>
        <source>New name for “{book}”:</source>
        <translation>“{book}”的新名称：</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="71"/>
        <source>Cannot rename the book</source>
        <translation>无法重命名短语库</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="74"/>
        <source>Renamed “{old}” to “{new}”.</source>
        <translation>已将“{old}”重命名为“{new}”。</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="82"/>
        <location filename="../manager/books.py" line="85"/>
        <source>Delete book</source>
        <translation>删除短语库</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="83"/>
        <source>Delete the book “{book}” and its {count} phrases?</source>
        <translation>要删除短语库“{book}”及其中的 {count} 条短语吗？</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="84"/>
        <source>A backup of all books is made first, so it can be restored.</source>
        <translation>删除前会先备份全部短语库，以便日后恢复。</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="87"/>
        <source>Cannot delete the book</source>
        <translation>无法删除短语库</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="90"/>
        <source>Deleted the book “{book}”; a backup was made first.</source>
        <translation>已删除短语库“{book}”（删除前已备份）。</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="97"/>
        <source>Import phrases</source>
        <translation>导入短语</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="98"/>
        <source>Phrase files (*.json *.qrbook *.csv *.tsv *.xlsx *.yml *.yaml *.ini *.txt)</source>
        <translation>短语文件 (*.json *.qrbook *.csv *.tsv *.xlsx *.yml *.yaml *.ini *.txt)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="99"/>
        <source>QuickReply phrasebooks (*.json *.qrbook)</source>
        <translation>QuickReply 短语库 (*.json *.qrbook)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="99"/>
        <source>Tables (*.csv *.tsv *.xlsx)</source>
        <translation>表格 (*.csv *.tsv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="100"/>
        <source>espanso (*.yml *.yaml)</source>
        <translation>espanso (*.yml *.yaml)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="100"/>
        <source>Input-method phrase files (*.ini *.txt)</source>
        <translation>输入法短语文件 (*.ini *.txt)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="101"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="104"/>
        <source>Cannot import {file}</source>
        <translation>无法导入 {file}</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="108"/>
        <location filename="../manager/books.py" line="121"/>
        <source>Import of {file} cancelled; nothing changed.</source>
        <translation>已取消导入 {file}，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="129"/>
        <source>Imported into “{book}”: {added} added, {replaced} replaced, {kept} kept both, {skipped} skipped.</source>
        <translation>已导入到“{book}”：新增 {added} 条，替换 {replaced} 条，保留两者 {kept} 条，跳过 {skipped} 条。</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="138"/>
        <source>QuickReply phrasebook (*.json)</source>
        <translation>QuickReply 短语库 (*.json)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="138"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="139"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="139"/>
        <source>Tab-separated table (*.tsv)</source>
        <translation>制表符分隔的表格 (*.tsv)</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="142"/>
        <source>Export “{book}”</source>
        <translation>导出“{book}”</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="149"/>
        <source>Cannot export “{book}”</source>
        <translation>无法导出“{book}”</translation>
    </message>
    <message>
        <location filename="../manager/books.py" line="152"/>
        <source>Exported {count} phrases of “{book}” to {path}</source>
        <translation>已将“{book}”的 {count} 条短语导出到 {path}</translation>
    </message>
</context>
<context>
    <name>BookTree</name>
    <message>
        <location filename="../manager/tree.py" line="80"/>
        <source>Books and groups</source>
        <translation>短语库和分组</translation>
    </message>
    <message>
        <location filename="../manager/tree.py" line="80"/>
        <source>Phrases</source>
        <translation>短语</translation>
    </message>
    <message>
        <location filename="../manager/tree.py" line="93"/>
        <source>{name} (subscribed, read-only)</source>
        <translation>{name}（订阅·只读）</translation>
    </message>
    <message>
        <location filename="../manager/tree.py" line="97"/>
        <source>A subscribed book: its publisher edits it, you use it</source>
        <translation>订阅的短语库：由发布者编辑，您只能使用</translation>
    </message>
    <message>
        <location filename="../manager/tree.py" line="100"/>
        <source>(no group)</source>
        <translation>（未分组）</translation>
    </message>
</context>
<context>
    <name>BooksPage</name>
    <message>
        <location filename="../first_run.py" line="92"/>
        <source>Books to show</source>
        <translation>显示哪些短语库</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="93"/>
        <source>The picker offers the replies of the books ticked here.</source>
        <translation>短语选择器只提供这里勾选的短语库中的回复。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="94"/>
        <source>Untick the books you do not answer from. Books you import or subscribe to later are shown; you can change this in Settings.</source>
        <translation>取消勾选您不用的短语库。以后导入或订阅的短语库会显示；您可以随时在设置中更改。</translation>
    </message>
</context>
<context>
    <name>ClipboardReply</name>
    <message>
        <location filename="../replies/clipboard_reply.py" line="48"/>
        <source>The reply is on the clipboard; paste it with Ctrl+V.</source>
        <translation>回复已复制到剪贴板，请按 Ctrl+V 粘贴。</translation>
    </message>
    <message>
        <location filename="../replies/clipboard_reply.py" line="50"/>
        <source>Part {number} of {total}, the last, is on the clipboard; paste it with Ctrl+V.</source>
        <translation>第 {number}/{total} 条（最后一条）已复制到剪贴板，请按 Ctrl+V 粘贴。</translation>
    </message>
    <message>
        <location filename="../replies/clipboard_reply.py" line="52"/>
        <source>Part {number} of {total} is on the clipboard: paste it with Ctrl+V and send it. For part {next}, open the picker again (your “quickreply pick” shortcut) and press Enter.</source>
        <translation>第 {number}/{total} 条已复制到剪贴板：请按 Ctrl+V 粘贴并发送。要取第 {next} 条，请再次打开短语选择器（您为“quickreply pick”设置的快捷键），然后按 Enter。</translation>
    </message>
    <message>
        <location filename="../replies/clipboard_reply.py" line="60"/>
        <source>Next part ({number} of {total}) onto the clipboard</source>
        <translation>将下一条（第 {number}/{total} 条）复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>ConversationGuard</name>
    <message>
        <location filename="../replies/conversation_guard.py" line="72"/>
        <source>{name} · {counter}</source>
        <extracomment>Decides every reply; what the guard shows follows from its answers.</extracomment>
        <translation>{name} · {counter}</translation>
    </message>
    <message>
        <location filename="../replies/conversation_guard.py" line="78"/>
        <source>{count}/{limit} quick replies in this conversation</source>
        <translation>本次会话已用快捷回复 {count}/{limit} 次</translation>
    </message>
    <message>
        <location filename="../replies/conversation_guard.py" line="89"/>
        <source>{count} quick replies in this conversation already: please type this reply yourself, or start a new conversation (Ctrl+N in the picker).</source>
        <translation>本次会话已用了 {count} 次快捷回复：这条请亲自输入，或开始新会话（在短语选择器中按 Ctrl+N）。</translation>
    </message>
    <message>
        <location filename="../replies/conversation_guard.py" line="98"/>
        <source>This conversation already has {count} quick replies. Too many read like a robot. Insert this one anyway?</source>
        <translation>本次会话已用了 {count} 次快捷回复，用得太多会像机器人在回复。仍要插入这一条吗？</translation>
    </message>
    <message>
        <location filename="../replies/conversation_guard.py" line="112"/>
        <source>Same reply again?</source>
        <translation>再次发送同一条回复？</translation>
    </message>
    <message>
        <location filename="../replies/conversation_guard.py" line="113"/>
        <source>You already sent this reply to this buyer in this conversation (at {time}). Send it again?</source>
        <translation>您已在本次会话中向这位买家发送过这条回复（{time}）。要再次发送吗？</translation>
    </message>
    <message>
        <location filename="../replies/conversation_guard.py" line="115"/>
        <source>&amp;Send again</source>
        <translation>再次发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../replies/conversation_guard.py" line="130"/>
        <source>{count} quick replies in this conversation: over the limit of {limit}. Type the next replies yourself.</source>
        <translation>本次会话已用 {count} 次快捷回复，超过上限 {limit} 次。接下来的回复请亲自输入。</translation>
    </message>
    <message>
        <location filename="../replies/conversation_guard.py" line="134"/>
        <source>{count}/{limit} quick replies in this conversation. A typed reply reads warmer than another prepared one.</source>
        <translation>本次会话已用快捷回复 {count}/{limit} 次。亲手输入的回复比再用一条快捷短语更有温度。</translation>
    </message>
    <message>
        <location filename="../replies/conversation_guard.py" line="141"/>
        <source>New conversation: the count starts again at 0.</source>
        <translation>已开始新会话：计数从 0 重新开始。</translation>
    </message>
</context>
<context>
    <name>ConversationsPage</name>
    <message>
        <location filename="../settings/conversations.py" line="135"/>
        <source>Con&amp;versations</source>
        <translation>会话(&amp;V)</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="144"/>
        <source>S&amp;oft limit:</source>
        <translation>提醒上限(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="145"/>
        <source>Ha&amp;rd limit:</source>
        <translation>硬性上限(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="146"/>
        <source>Past the hard limit:</source>
        <translation>超过硬性上限时：</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="147"/>
        <source>Idle &amp;time that ends a conversation:</source>
        <translation>会话结束的空闲时长(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="148"/>
        <source>&amp;Keep the history for:</source>
        <translation>会话记录保留时长(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="149"/>
        <source>&amp;New conversation hotkey:</source>
        <translation>开始新会话的快捷键(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="140"/>
        <source> quick replies</source>
        <translation> 次快捷回复</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="156"/>
        <source>From this quick reply in one conversation on, a gentle notice suggests typing the answer.</source>
        <translation>同一会话中快捷回复达到此次数起，会温和地提醒您亲自输入回复。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="158"/>
        <source>More quick replies than this in one conversation meet the policy below.</source>
        <translation>同一会话中快捷回复超过此次数后，将按下方选择的方式处理。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="141"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="140"/>
        <source> quick reply</source>
        <translation> 次快捷回复</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="141"/>
        <source> minute</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="150"/>
        <source>Chat pro&amp;grams (response times):</source>
        <translation>聊天程序（响应时间）(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="152"/>
        <source>Only these programs&apos; unread counters count as buyers waiting: a regular expression for the window class or the program&apos;s file name, matched ignoring case. Browsers are not in it, as most tabs with a counter are mail or news; add yours (e.g. |chrome) if your chat console runs in one.</source>
        <translation>只有这些程序的未读计数才算作买家在等待：一个匹配窗口类名或程序文件名的正则表达式，不区分大小写。默认不含浏览器，因为带计数的标签页多半是邮件或新闻；如果您的客服工作台在浏览器中运行，请加上它（例如 |chrome）。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="160"/>
        <source>With no quick reply in a chat for this long, the next one starts a new conversation (the count goes back to 0).</source>
        <translation>某个聊天窗口超过此时长未使用快捷回复时，下一次快捷回复将开始新会话（计数从 0 重新开始）。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="162"/>
        <source>Ask before the same reply goes to the sa&amp;me buyer twice in one conversation</source>
        <translation>同一会话中向同一买家再次发送相同回复前先询问(&amp;M)</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="164"/>
        <source>Rows already sent are marked in the picker either way. Windows whose title does not tell buyers apart are never asked about.</source>
        <translation>无论是否开启，短语选择器中都会标出已发送过的回复。窗口标题无法区分买家时，不会询问。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="166"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="167"/>
        <source>Conversations and their counts older than this are forgotten. No reply text is ever kept.</source>
        <translation>超过此时长的会话及其计数会被自动清除。回复内容始终不会被保存。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="169"/>
        <source>Starts a new conversation in the active chat window: the count goes back to 0.</source>
        <translation>在当前聊天窗口中开始新会话：计数从 0 重新开始。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="172"/>
        <source>&amp;Warn only</source>
        <translation>仅警告(&amp;W)</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="172"/>
        <source>The reply goes in, with a warning.</source>
        <translation>照常插入回复，同时显示警告。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="173"/>
        <source>Ask to con&amp;firm</source>
        <translation>询问确认(&amp;F)</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="173"/>
        <source>You are asked before the reply goes in.</source>
        <translation>插入回复前先询问您。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="174"/>
        <source>&amp;Block</source>
        <translation>阻止(&amp;B)</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="174"/>
        <source>The reply does not go in; type it yourself.</source>
        <translation>不插入回复，请亲自输入。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="178"/>
        <source>Title rul&amp;es:</source>
        <translation>标题规则(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="179"/>
        <source>Which buyer a chat window is about: the first rule whose patterns match names the conversation. Unread counters such as “(3)” are removed from the title first.</source>
        <translation>用于识别聊天窗口对应的买家：按顺序查找，第一条匹配条件相符的规则为会话命名。匹配前会先去掉标题中“(3)”这类未读计数。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="182"/>
        <source>Window class</source>
        <translation>窗口类名</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="182"/>
        <source>Title</source>
        <translation>窗口标题</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="182"/>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="184"/>
        <source>A regular expression for the program&apos;s window class, matched ignoring case, e.g. qianniu|wechat; empty matches every program.</source>
        <translation>匹配程序窗口类名的正则表达式，不区分大小写，例如 qianniu|wechat；留空则匹配所有程序。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="187"/>
        <source>A regular expression for the program&apos;s file name, matched ignoring case, e.g. aliworkbench\.exe; empty matches every program. On Windows it tells apart programs that share a window class.</source>
        <translation>匹配程序文件名的正则表达式，不区分大小写，例如 aliworkbench\.exe；留空则匹配所有程序。在 Windows 上，它能区分窗口类名相同的程序。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="190"/>
        <source>A regular expression for the window title, matched ignoring case, e.g. ^(?P&lt;who&gt;.+?) - 接待. Its (?P&lt;who&gt;…) group is the buyer&apos;s name or chat id. A pattern without that group is skipped: the rule never applies. When no rule applies, the whole title names the conversation.</source>
        <translation>匹配窗口标题的正则表达式，不区分大小写，例如 ^(?P&lt;who&gt;.+?) - 接待。其中的 (?P&lt;who&gt;…) 分组即买家名称或聊天 ID。不含该分组的匹配条件会被跳过，该规则永远不会生效。没有规则生效时，以整个窗口标题作为会话名称。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="194"/>
        <source>Test a tit&amp;le:</source>
        <translation>测试窗口标题(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="195"/>
        <source>Window class, e.g. AliWorkBench</source>
        <translation>窗口类名，例如 AliWorkBench</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="196"/>
        <source>Program, e.g. AliWorkBench.exe</source>
        <translation>程序，例如 AliWorkBench.exe</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="197"/>
        <source>Window title, e.g. (2) Jane Doe - Live chat</source>
        <translation>窗口标题，例如 (2) 王小明 - 接待中心</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="212"/>
        <source>Response times are not available on Wayland: QuickReply cannot see the titles of other programs&apos; windows there.</source>
        <translation>Wayland 下无法统计响应时间：QuickReply 在 Wayland 中看不到其他程序的窗口标题。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="215"/>
        <source>Response times are not measured on this desktop: QuickReply cannot follow the titles of the chat windows here.</source>
        <translation>当前桌面不统计响应时间：QuickReply 在这里无法跟踪聊天窗口的标题。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="218"/>
        <source>Response times need a chat window whose title shows unread messages, such as “(3) Jane Doe” or “[2条新消息]”. No title of a chat program&apos;s window (above) seen since QuickReply started has such a counter.</source>
        <translation>统计响应时间需要聊天窗口的标题显示未读消息数，例如“(3) 王小明”或“[2条新消息]”。自 QuickReply 启动以来，上面所列聊天程序的窗口标题中还没有出现这种未读计数。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="221"/>
        <source>Response times are measured from the unread counters in chat window titles, such as “(3)”: from a buyer&apos;s first unread message to your reply, or until you read it.</source>
        <translation>响应时间根据聊天窗口标题中的未读计数（例如“(3)”）统计：从买家的第一条未读消息算起，到您回复为止，或到您读完消息为止。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="261"/>
        <source>The hard limit ({hard}) cannot be below the soft limit ({soft}).</source>
        <translation>硬性上限（{hard}）不能低于提醒上限（{soft}）。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="272"/>
        <source>The chat programs pattern is not a valid regular expression ({error}).</source>
        <translation>聊天程序不是有效的正则表达式（{error}）。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="289"/>
        <source>Title rule {row}: the window class pattern is not a valid regular expression ({error}).</source>
        <translation>第 {row} 条标题规则：窗口类名不是有效的正则表达式（{error}）。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="291"/>
        <source>Title rule {row}: the program pattern is not a valid regular expression ({error}).</source>
        <translation>第 {row} 条标题规则：程序不是有效的正则表达式（{error}）。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="293"/>
        <source>Title rule {row}: the title pattern is not a valid regular expression ({error}).</source>
        <translation>第 {row} 条标题规则：窗口标题不是有效的正则表达式（{error}）。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="285"/>
        <source>Title rule {row} has no title pattern, so it never applies.</source>
        <translation>第 {row} 条标题规则没有填写窗口标题的匹配条件，因此永远不会生效。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="287"/>
        <source>Title rule {row} has no (?P&lt;who&gt;…) group, so it never applies.</source>
        <translation>第 {row} 条标题规则不含 (?P&lt;who&gt;…) 分组，因此永远不会生效。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="326"/>
        <source>Type a window title to see which conversation it belongs to.</source>
        <translation>输入窗口标题，即可查看它属于哪个会话。</translation>
    </message>
    <message>
        <location filename="../settings/conversations.py" line="328"/>
        <source>Conversation: {key}</source>
        <translation>会话：{key}</translation>
    </message>
</context>
<context>
    <name>DrillChooser</name>
    <message>
        <location filename="../drills/chooser.py" line="123"/>
        <source>&amp;Text:</source>
        <extracomment>The sources shown as a list of texts. (mode, minutes) in the order of the mode box. The user asked to start (Enter or the Start button).</extracomment>
        <translation>练习文字(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="124"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="125"/>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="126"/>
        <source>Practice texts</source>
        <translation>练习范文</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="126"/>
        <source>My phrasebook replies</source>
        <translation>我的短语库话术</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="127"/>
        <source>Paste a text</source>
        <translation>粘贴文字</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="127"/>
        <source>A text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="128"/>
        <source>My weak characters</source>
        <translation>我的薄弱字</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="128"/>
        <source>Team drills</source>
        <translation>团队赛文</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="130"/>
        <source>All languages</source>
        <translation>全部语言</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="130"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="130"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="132"/>
        <source>Whole text</source>
        <translation>打完整篇</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="134"/>
        <source>Timed: {minutes} min</source>
        <translation>限时 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="135"/>
        <source>Paste or write the text to practise here.</source>
        <translation>在这里粘贴或输入要练习的文字。</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="136"/>
        <source>Choose a &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="137"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="138"/>
        <source>Start the drill (Enter)</source>
        <translation>开始练习（回车）</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="168"/>
        <source>No file chosen yet.</source>
        <translation>还没有选择文件。</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="192"/>
        <source>A drill of the characters you miss most and type slowest, with phrases that contain them.</source>
        <translation>针对您最常打错、打得最慢的字，以及包含这些字的话术进行练习。</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="194"/>
        <location filename="../drills/chooser.py" line="222"/>
        <source>Not enough practice in this language yet: finish a few drills first.</source>
        <translation>这种语言的练习记录还不够：请先完成几次练习。</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="209"/>
        <source>No team drill yet: subscribe to the drill your team lead publishes (quickreply subscribe URL|PATH).</source>
        <translation>还没有团队赛文：请订阅主管发布的赛文（quickreply subscribe 网址|路径）。</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="212"/>
        <source>There is no text to choose here.</source>
        <translation>这里没有可选的文字。</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="215"/>
        <source>Pasted text</source>
        <translation>粘贴的文字</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="218"/>
        <source>Choose a text file first.</source>
        <translation>请先选择一个文本文件。</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="231"/>
        <source>Choose a text to practise</source>
        <translation>选择要练习的文字</translation>
    </message>
    <message>
        <location filename="../drills/chooser.py" line="232"/>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>文本文件 (*.txt *.md);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DrillProgressPage</name>
    <message>
        <location filename="../drills/progress.py" line="160"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="161"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="162"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="163"/>
        <source>&amp;Trainee:</source>
        <translation>学员(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="164"/>
        <source>Your name, for the team lead&apos;s report</source>
        <translation>您的姓名，用于主管的报表</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="165"/>
        <source>&amp;Goal:</source>
        <translation>目标(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="166"/>
        <source> chars/min</source>
        <translation> 字/分</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="167"/>
        <source>Counts &amp;from:</source>
        <translation>计入条件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="168"/>
        <source> chars</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="172"/>
        <source> % or more</source>
        <translation> % 及以上</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="174"/>
        <source>A drill counts toward the goal only when at least this many characters were typed, or it lasted at least this long.</source>
        <translation>练习至少打了这么多字，或者至少持续了这么久，才计入达标。</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="177"/>
        <source>A drill counts toward the goal only at this accuracy or better.</source>
        <translation>练习的正确率达到这个数值或更高，才计入达标。</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="178"/>
        <source>Pa&amp;use after:</source>
        <translation>停顿判定(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="251"/>
        <source>Drills: &lt;b&gt;{count}&lt;/b&gt;, of which &lt;b&gt;{counted}&lt;/b&gt; count toward the goal</source>
        <translation>练习次数：&lt;b&gt;{count}&lt;/b&gt;，其中 &lt;b&gt;{counted}&lt;/b&gt; 次计入达标</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="170"/>
        <location filename="../drills/progress.py" line="179"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="169"/>
        <source>or &amp;after:</source>
        <translation>或用时(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="171"/>
        <source>At a&amp;ccuracy:</source>
        <translation>正确率(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="180"/>
        <source>A longer gap between keys is a pause: shown, and left out of the speed.</source>
        <translation>两次按键间隔超过这个时长算作停顿：会列出来，并且不计入速度。</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="181"/>
        <source>&amp;Export history as CSV…</source>
        <translation>导出练习记录为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="182"/>
        <source>Speed and accuracy per drill</source>
        <translation>每次练习的速度和正确率</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="183"/>
        <source>Speed (chars/min)</source>
        <translation>速度（字/分）</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="184"/>
        <source>Accuracy (%)</source>
        <translation>正确率（%）</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="185"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="218"/>
        <source>&lt;b&gt;Pinyin keys over all drills&lt;/b&gt; — slowest: {slow}; most missed: {missed}</source>
        <translation>&lt;b&gt;所有练习的拼音按键&lt;/b&gt;——最慢：{slow}；最常错：{missed}</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="220"/>
        <source>&lt;b&gt;Keys over all drills&lt;/b&gt; — slowest: {slow}; most missed: {missed}</source>
        <translation>&lt;b&gt;所有练习的按键&lt;/b&gt;——最慢：{slow}；最常错：{missed}</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="250"/>
        <source>No drills in this language yet.</source>
        <translation>这种语言还没有练习记录。</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="253"/>
        <source>Personal best: &lt;b&gt;{best:.0f}&lt;/b&gt; chars/min</source>
        <translation>个人最好成绩：&lt;b&gt;{best:.0f}&lt;/b&gt; 字/分</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="254"/>
        <source>Practice streak: &lt;b&gt;{days}&lt;/b&gt; day</source>
        <translation>连续练习：&lt;b&gt;{days}&lt;/b&gt; 天</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="255"/>
        <source>Practice streak: &lt;b&gt;{days}&lt;/b&gt; days</source>
        <translation>连续练习：&lt;b&gt;{days}&lt;/b&gt; 天</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="257"/>
        <source>&lt;span style=&apos;color:#1a7f37&apos;&gt;&lt;b&gt;Goal reached&lt;/b&gt; on {day}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#1a7f37&apos;&gt;已于 {day} &lt;b&gt;达标&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="260"/>
        <source>At your current trend you reach the goal around &lt;b&gt;{day}&lt;/b&gt;</source>
        <translation>按目前的进步速度，预计在 &lt;b&gt;{day}&lt;/b&gt; 前后达标</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="263"/>
        <source>No forecast yet: practise on a few more days.</source>
        <translation>暂时无法预测：请再多练几天。</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="294"/>
        <source>Export the drill history</source>
        <translation>导出练习记录</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="295"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="299"/>
        <source>Typing practice</source>
        <translation>打字练习</translation>
    </message>
    <message>
        <location filename="../drills/progress.py" line="311"/>
        <source>The history could not be exported: {error}</source>
        <translation>无法导出练习记录：{error}</translation>
    </message>
</context>
<context>
    <name>DrillResultPage</name>
    <message>
        <location filename="../drills/result.py" line="112"/>
        <source>Raw speed (all characters)</source>
        <extracomment>码长 this far over the ideal means the input method is used character by character. More corrections than this share of the characters: slow down for accuracy. How many characters or words the slowest / most-missed lists show. Whether the drill counts toward the goal, and why not. Beside the speed for Latin text, never instead of it.</extracomment>
        <translation>总速度（含错字）</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="113"/>
        <source>Accuracy</source>
        <translation>正确率</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="113"/>
        <source>Uncorrected errors</source>
        <translation>未改正的错字</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="114"/>
        <source>Consistency (speed variation)</source>
        <translation>稳定性（速度波动）</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="114"/>
        <source>Active time / wall time</source>
        <translation>有效用时 / 实际用时</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="115"/>
        <source>Speed by the wall clock</source>
        <translation>按实际用时的速度</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="116"/>
        <source>Pauses</source>
        <translation>停顿</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="116"/>
        <source>Keystrokes per second</source>
        <translation>击键：每秒按键数</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="117"/>
        <source>Keystrokes per character (ideal)</source>
        <translation>码长：每字按键数（理想值）</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="118"/>
        <source>Corrections after commit</source>
        <translation>回改：上屏后删改</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="122"/>
        <source>correct characters per minute</source>
        <translation>每分钟正确字数</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="123"/>
        <source>&lt;b&gt;Why this speed&lt;/b&gt;</source>
        <translation>&lt;b&gt;速度分析&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="124"/>
        <source>&amp;Again</source>
        <translation>再练一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="125"/>
        <source>Practise &amp;weak characters</source>
        <translation>练习薄弱字(&amp;W)</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="126"/>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="137"/>
        <source>Goal reached: {speed:.0f} characters per minute! You are ready for the queue.</source>
        <translation>达标了：每分钟 {speed:.0f} 字！可以上岗接待了。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="142"/>
        <source>{wpm:.0f} words per minute (characters ÷ 5)</source>
        <translation>每分钟 {wpm:.0f} 个单词（字符数 ÷ 5）</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="150"/>
        <source>{count}, {seconds:.0f} s left out</source>
        <translation>{count} 次，共 {seconds:.0f} 秒未计入</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="151"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="159"/>
        <source>Slowest words: {slow}
Most-missed words: {missed}</source>
        <translation>最慢的词：{slow}
最常错的词：{missed}</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="163"/>
        <source>&lt;b&gt;Pinyin keys&lt;/b&gt; — slowest: {slow}; most missed: {missed}</source>
        <translation>&lt;b&gt;拼音按键&lt;/b&gt;——最慢：{slow}；最常错：{missed}</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="164"/>
        <source>&lt;b&gt;Keys&lt;/b&gt; — slowest: {slow}; most missed: {missed}</source>
        <translation>&lt;b&gt;按键&lt;/b&gt;——最慢：{slow}；最常错：{missed}</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="176"/>
        <source>&lt;b&gt;This drill counts toward your goal&lt;/b&gt; and reaches it: {speed:.0f} of {goal} characters per minute.</source>
        <translation>&lt;b&gt;这次练习计入达标&lt;/b&gt;，并且已达到目标：{speed:.0f} 字/分（目标 {goal} 字/分）。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="178"/>
        <source>&lt;b&gt;This drill counts toward your goal&lt;/b&gt;: {more:.0f} characters per minute more to reach {goal}.</source>
        <translation>&lt;b&gt;这次练习计入达标&lt;/b&gt;：还差 {more:.0f} 字/分就能达到 {goal} 字/分。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="182"/>
        <source>it is too short: {characters} characters in {time}; a drill needs at least {min_characters} characters or {min_time} of typing.</source>
        <translation>练习太短：{time} 内打了 {characters} 个字；至少需要打 {min_characters} 个字，或打字 {min_time}。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="187"/>
        <source>the accuracy of {accuracy:.1f}% is under the {floor:.0f}% it needs.</source>
        <translation>正确率 {accuracy:.1f}% 低于要求的 {floor:.0f}%。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="189"/>
        <source>&lt;b&gt;This drill does not count toward your goal&lt;/b&gt;, whatever its speed:</source>
        <translation>&lt;b&gt;这次练习不计入达标&lt;/b&gt;，无论速度多快：</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="197"/>
        <source>At or over your goal of {goal} characters per minute. Keep the accuracy up.</source>
        <translation>已达到每分钟 {goal} 字的目标，请继续保持正确率。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="201"/>
        <source>{actual:.1f} keystrokes per character is far above the ideal {ideal:.1f}: you spend keys choosing candidates. Type whole words and phrases instead of single characters.</source>
        <translation>码长 {actual:.1f}，远高于理想值 {ideal:.1f}：按键多花在选字上了。请整词、整句输入（打词组），少打单字。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="206"/>
        <source>{actual:.1f} keystrokes per second; the goal needs about {needed:.1f} at the ideal keystrokes per character. Finger practice (home row, touch typing) will lift it.</source>
        <translation>击键每秒 {actual:.1f} 次；按理想码长，达标约需每秒 {needed:.1f} 次。多练指法（基准键位、盲打）能提高击键。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="211"/>
        <source>{count} corrections after commit: each one costs the deleted characters and the time to type them again. Slow down a little for accuracy.</source>
        <translation>回改 {count} 次：每次都要删掉已上屏的字再重打，很费时间。放慢一点，先求准确。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="215"/>
        <source>Accuracy under {floor:.0f}%: mistakes cost more speed than they save. Slow down a little.</source>
        <translation>正确率低于 {floor:.0f}%：打错浪费的时间比抢出来的多。请放慢一点。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="218"/>
        <source>You paused once; pauses are left out of the speed but show in the wall-clock figure.</source>
        <translation>您停顿了 1 次；停顿不计入速度，但会体现在按实际用时计算的速度里。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="220"/>
        <source>You paused {count} times; pauses are left out of the speed but show in the wall-clock figure.</source>
        <translation>您停顿了 {count} 次；停顿不计入速度，但会体现在按实际用时计算的速度里。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="224"/>
        <source>Even typing without an obvious weak spot: more practice will lift the speed.</source>
        <translation>打字比较均衡，没有明显短板：多练习就能继续提速。</translation>
    </message>
    <message>
        <location filename="../drills/result.py" line="157"/>
        <source>Slowest: {slow}
Most missed: {missed}</source>
        <translation>最慢的字：{slow}
最常错的字：{missed}</translation>
    </message>
</context>
<context>
    <name>DrillRunPage</name>
    <message>
        <location filename="../drills/run.py" line="88"/>
        <source>Speed (chars/min)</source>
        <extracomment>The user asked to leave (Esc or the button); the window decides whether to ask.</extracomment>
        <translation>速度（字/分）</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="89"/>
        <source>Accuracy</source>
        <translation>正确率</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="90"/>
        <location filename="../drills/run.py" line="122"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="91"/>
        <source>Paused: the clock waits for you</source>
        <translation>已暂停：计时等您继续</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="92"/>
        <source>Type the text in the box below with your usual input method. The clock starts with your first key.</source>
        <translation>请用平时的输入法在下面的输入框中打出上面的文字。按下第一个键时开始计时。</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="94"/>
        <source>Leave (Esc)</source>
        <translation>退出练习（Esc）</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="122"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="135"/>
        <source>First error: you typed “{typed}” where the text has “{expected}”.</source>
        <translation>第一个错误：原文是“{expected}”，您打成了“{typed}”。</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="136"/>
        <source>First error: “{expected}” was left out.</source>
        <translation>第一个错误：漏打了“{expected}”。</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="137"/>
        <source>First error: an extra “{typed}” before “{expected}”.</source>
        <translation>第一个错误：在“{expected}”前面多打了“{typed}”。</translation>
    </message>
    <message>
        <location filename="../drills/run.py" line="138"/>
        <source>First error: an extra “{typed}” after the end of the text.</source>
        <translation>第一个错误：原文结束后多打了“{typed}”。</translation>
    </message>
</context>
<context>
    <name>DrillWindow</name>
    <message>
        <location filename="../drills/window.py" line="89"/>
        <source>QuickReply typing practice</source>
        <extracomment>The last drill&apos;s text and mode, for &quot;again&quot;.</extracomment>
        <translation>QuickReply 打字练习</translation>
    </message>
    <message>
        <location filename="../drills/window.py" line="90"/>
        <source>&amp;Practice</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../drills/window.py" line="91"/>
        <source>P&amp;rogress</source>
        <translation>进度(&amp;R)</translation>
    </message>
    <message>
        <location filename="../drills/window.py" line="92"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../drills/window.py" line="93"/>
        <source>How speed, accuracy and the input-method figures are measured (F1)</source>
        <translation>速度、正确率、击键、码长和回改是怎么计算的（F1）</translation>
    </message>
    <message>
        <location filename="../drills/window.py" line="109"/>
        <source>The help file {file} is missing.</source>
        <translation>找不到帮助文件 {file}。</translation>
    </message>
    <message>
        <location filename="../drills/window.py" line="182"/>
        <location filename="../drills/window.py" line="204"/>
        <source>Typing practice</source>
        <translation>打字练习</translation>
    </message>
    <message>
        <location filename="../drills/window.py" line="183"/>
        <source>Leave this drill? What you typed is not saved.</source>
        <translation>要退出本次练习吗？已输入的内容不会保存。</translation>
    </message>
    <message>
        <location filename="../drills/window.py" line="205"/>
        <source>The result could not be saved: {error}</source>
        <translation>无法保存练习结果：{error}</translation>
    </message>
</context>
<context>
    <name>FallbackWindow</name>
    <message>
        <location filename="../shell.py" line="280"/>
        <source>This desktop has no system tray, so QuickReply lives in this window. Closing it keeps QuickReply running; start QuickReply again to bring it back.</source>
        <translation>当前桌面没有系统托盘，因此 QuickReply 显示在此窗口中。关闭此窗口后 QuickReply 仍在运行；再次启动 QuickReply 即可重新打开此窗口。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../first_run.py" line="223"/>
        <source>Welcome to QuickReply</source>
        <translation>欢迎使用 QuickReply</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="224"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="225"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="226"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="227"/>
        <source>&amp;Skip</source>
        <translation>跳过(&amp;S)</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="291"/>
        <source>Could not change starting at login: {error}</source>
        <translation>无法更改登录时自动启动：{error}</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../settings/pages.py" line="321"/>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="324"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="330"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="331"/>
        <source>&amp;Backups to keep:</source>
        <translation>备份保留份数(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="332"/>
        <source>Longest &amp;message before the check warns:</source>
        <translation>话术检查的单条消息字数上限(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="333"/>
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="334"/>
        <source>Start QuickReply &amp;when I log in</source>
        <translation>登录时自动启动 QuickReply(&amp;W)</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="335"/>
        <source>Books the picker shows:</source>
        <translation>短语选择器显示的短语库：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="336"/>
        <source>Run the &amp;introduction again…</source>
        <translation>重新运行入门向导(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="337"/>
        <source>Share my numbers with the &amp;team:</source>
        <translation>与团队共享我的数据(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="339"/>
        <source>Not available on this system.</source>
        <translation>当前系统不支持此功能。</translation>
    </message>
</context>
<context>
    <name>HotkeyEdit</name>
    <message>
        <location filename="../widgets/hotkey_edit.py" line="135"/>
        <source>Press a key combination, e.g. Ctrl+Alt+1</source>
        <extracomment>A pressed chord was not taken; the message (translated) names it and says why.</extracomment>
        <translation>请按下组合键，例如 Ctrl+Alt+1</translation>
    </message>
    <message>
        <location filename="../widgets/hotkey_edit.py" line="185"/>
        <source>{hotkey} cannot be a hotkey: {reason}. Nothing was changed.</source>
        <translation>{hotkey} 不能用作快捷键：{reason}。快捷键没有改动。</translation>
    </message>
</context>
<context>
    <name>HotkeyPage</name>
    <message>
        <location filename="../first_run.py" line="127"/>
        <source>The picker hotkey</source>
        <translation>短语选择器快捷键</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="128"/>
        <source>In any chat window, this hotkey opens the picker.</source>
        <translation>在任何聊天窗口按下这个快捷键，即可打开短语选择器。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="129"/>
        <source>In the picker, type a short code or a few letters and press Enter: the reply goes into the chat.</source>
        <translation>在短语选择器中输入快捷编码或几个字母，按回车，回复就进入聊天框。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="131"/>
        <source>Picker &amp;hotkey:</source>
        <translation>短语选择器快捷键(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="133"/>
        <source>Global hotkeys are not available on this desktop. Bind the command “quickreply pick” to a keyboard shortcut in your desktop settings to open the picker.</source>
        <translation>此桌面环境不支持全局快捷键。请在桌面设置中把命令“quickreply pick”绑定到一个快捷键，用它打开短语选择器。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="137"/>
        <source>It works! That is how a reply goes into a chat.</source>
        <translation>成功了！回复就是这样进入聊天框的。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="139"/>
        <source>Try it: click in the box below, then press {chord}.</source>
        <translation>试一试：点击下面的输入框，然后按 {chord}。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="141"/>
        <source>Practice box</source>
        <translation>练习框</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="147"/>
        <source>Hello, this is {agent}. How can I help you today?</source>
        <translation>亲，您好，我是{agent}，请问有什么可以帮您？</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="148"/>
        <source>your agent</source>
        <translation>客服</translation>
    </message>
</context>
<context>
    <name>HotkeysPage</name>
    <message>
        <location filename="../settings/pages.py" line="115"/>
        <source>&amp;Hotkeys</source>
        <translation>快捷键(&amp;H)</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="118"/>
        <source>These key combinations work in every application. Click a field and press the keys; Backspace clears it.</source>
        <translation>这些组合键在所有程序中都有效。点击输入框后按下组合键即可设置；按 Backspace 键清除。</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="120"/>
        <source>&amp;Open the picker:</source>
        <translation>打开短语选择器(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="121"/>
        <source>&amp;Pause or resume all hotkeys:</source>
        <translation>暂停/恢复全部快捷键(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="188"/>
        <source>{hotkey} already opens the picker. Each hotkey needs its own combination.</source>
        <translation>{hotkey} 已用于打开短语选择器。每个快捷键都需要使用不同的组合键。</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="189"/>
        <source>{hotkey} already pauses the hotkeys. Each hotkey needs its own combination.</source>
        <translation>{hotkey} 已用于暂停快捷键。每个快捷键都需要使用不同的组合键。</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="190"/>
        <source>{hotkey} already starts a new conversation. Each hotkey needs its own combination.</source>
        <translation>{hotkey} 已用于开始新会话。每个快捷键都需要使用不同的组合键。</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="201"/>
        <source>{hotkey} cannot be used: {reason}</source>
        <translation>无法使用 {hotkey}：{reason}</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="203"/>
        <source>{hotkey} is not recommended: {reason}</source>
        <translation>不建议使用 {hotkey}：{reason}</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="205"/>
        <source>{hotkey} is also the hotkey of the reply “{title}”, which will then not work.</source>
        <translation>{hotkey} 也是短语“{title}”的快捷键，该短语的快捷键将会失效。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../manager/import_dialog.py" line="58"/>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="69"/>
        <source>{count} phrases in {file}</source>
        <translation>{file} 中共有 {count} 条短语</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="76"/>
        <source>A new book</source>
        <translation>新建短语库</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="79"/>
        <source>Import &amp;into:</source>
        <translation>导入到(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="80"/>
        <source>New book &amp;name:</source>
        <translation>新短语库名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="82"/>
        <source>When the book already has a phrase with the same short code or id</source>
        <translation>短语库中已有快捷编码或 ID 相同的短语时</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="86"/>
        <source>&amp;Skip it</source>
        <translation>跳过(&amp;S)</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="86"/>
        <source>Keep the book&apos;s phrase; the file&apos;s is left out.</source>
        <translation>保留库中原有短语，不导入文件中的这一条。</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="87"/>
        <source>&amp;Replace it</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="88"/>
        <source>Take the file&apos;s text; the phrase keeps its id and use count.</source>
        <translation>改用文件中的内容；该短语的 ID 和使用次数保持不变。</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="89"/>
        <source>&amp;Keep both</source>
        <translation>保留两者(&amp;K)</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="90"/>
        <source>Add the file&apos;s phrase beside it; a taken short code gets a suffix (fh-2).</source>
        <translation>将文件中的短语一并添加；快捷编码已被占用时自动加后缀（如 fh-2）。</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="105"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="105"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="105"/>
        <source>Code</source>
        <translation>快捷编码</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="106"/>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="106"/>
        <source>Book&apos;s phrase</source>
        <translation>库中原有短语</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="116"/>
        <source>Warnings from reading the file:</source>
        <translation>读取文件时的警告：</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="119"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="172"/>
        <source>Type a name for the new book.</source>
        <translation>请输入新短语库的名称。</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="174"/>
        <source>Working out what the import would do…</source>
        <translation>正在计算导入将会做出的更改…</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="218"/>
        <source>Into the new book “{book}”</source>
        <translation>导入到新短语库“{book}”</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="218"/>
        <source>Into “{book}”</source>
        <translation>导入到“{book}”</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="220"/>
        <source>{added} added, {replaced} replaced, {kept} kept both, {skipped} skipped, {unchanged} unchanged.</source>
        <translation>新增 {added} 条，替换 {replaced} 条，保留两者 {kept} 条，跳过 {skipped} 条，未变 {unchanged} 条。</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="224"/>
        <source>{where}: {counts}</source>
        <translation>{where}：{counts}</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="226"/>
        <source>{summary} Nothing would change.</source>
        <translation>{summary}不会有任何变化。</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="235"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="235"/>
        <source>replaced</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="235"/>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="236"/>
        <source>kept both</source>
        <translation>保留两者</translation>
    </message>
    <message>
        <location filename="../manager/import_dialog.py" line="236"/>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <location filename="../manager/importing.py" line="26"/>
        <location filename="../manager/importing.py" line="39"/>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <location filename="../manager/importing.py" line="26"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../manager/importing.py" line="27"/>
        <source>Reading {file}: {count} phrases so far…</source>
        <translation>正在读取 {file}：已读取 {count} 条短语…</translation>
    </message>
    <message>
        <location filename="../manager/importing.py" line="40"/>
        <source>Importing {count} phrases from {file}…</source>
        <translation>正在从 {file} 导入 {count} 条短语…</translation>
    </message>
    <message>
        <location filename="../manager/importing.py" line="42"/>
        <source>Writing the book; this can no longer be cancelled…</source>
        <translation>正在写入短语库，现在已无法取消…</translation>
    </message>
</context>
<context>
    <name>InsertingPage</name>
    <message>
        <location filename="../settings/pages.py" line="236"/>
        <source>&amp;Inserting</source>
        <translation>插入回复(&amp;I)</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="240"/>
        <source>Insert &amp;by:</source>
        <translation>插入方式(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="240"/>
        <source>&amp;Paste chord:</source>
        <translation>粘贴组合键(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="240"/>
        <source>Send &amp;key between messages:</source>
        <translation>分条发送时的发送键(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="241"/>
        <source>&amp;Wait for the paste at most:</source>
        <translation>粘贴最长等待时间(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="241"/>
        <source>Your &amp;name for {agent}:</source>
        <translation>您的称呼（用于 {agent}）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="244"/>
        <source>Pasting works with Chinese text and input methods; typing out is for applications that refuse a paste.</source>
        <translation>粘贴方式支持中文和输入法；逐键输入仅用于不接受粘贴的程序。</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="246"/>
        <source>Terminals usually need Ctrl+Shift+V.</source>
        <translation>终端通常需要使用 Ctrl+Shift+V。</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="247"/>
        <source>Sent between the parts of a reply marked “Send as separate messages”.</source>
        <translation>回复勾选了“分条发送”时，在各条消息之间按下此键。</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="249"/>
        <source>&amp;Restore my clipboard after pasting</source>
        <translation>粘贴后恢复剪贴板原有内容(&amp;R)</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="250"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="251"/>
        <source>How long the chat window may take to read the pasted text before your clipboard is put back.</source>
        <translation>恢复剪贴板之前，最多等待聊天窗口读取粘贴内容的时长。</translation>
    </message>
    <message>
        <location filename="../settings/pages.py" line="253"/>
        <source>e.g. Lily or agent 07</source>
        <translation>例如：小丽 或 07 号客服</translation>
    </message>
</context>
<context>
    <name>KeyboardHeatmap</name>
    <message>
        <location filename="../drills/heatmap.py" line="104"/>
        <source>Red keys are often missed or slow; grey keys were not typed.</source>
        <extracomment>The letter rows, each shifted right by this many key widths, as on a keyboard.</extracomment>
        <translation>红色的键常打错或打得慢；灰色的键没有用到。</translation>
    </message>
    <message>
        <location filename="../drills/heatmap.py" line="112"/>
        <source>{key}: not typed</source>
        <translation>{key}：没有用到</translation>
    </message>
    <message>
        <location filename="../drills/heatmap.py" line="113"/>
        <source>{key}: typed {seen} times, missed {missed}, {ms:.0f} ms a key</source>
        <translation>{key}：按了 {seen} 次，错 {missed} 次，每次 {ms:.0f} 毫秒</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../first_run.py" line="71"/>
        <source>Welcome to QuickReply</source>
        <translation>欢迎使用 QuickReply</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="72"/>
        <source>A few questions, then your replies are one hotkey away.</source>
        <translation>回答几个问题，之后一个快捷键就能发出回复。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="73"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="75"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="76"/>
        <source>Your &amp;name:</source>
        <translation>您的名字(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="77"/>
        <source>e.g. Lily</source>
        <translation>例如：小美</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="78"/>
        <source>Replies that say who is answering use it where they have {agent}.</source>
        <translation>回复中的 {agent} 会换成这个名字，告诉买家是谁在接待。</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../first_run.py" line="164"/>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="165"/>
        <source>QuickReply waits in the tray, ready for the hotkey.</source>
        <translation>QuickReply 在托盘中待命，随时响应快捷键。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="166"/>
        <source>Start QuickReply &amp;when I log in</source>
        <translation>登录时自动启动 QuickReply(&amp;W)</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="167"/>
        <source>Everything here can be changed later in Settings, where you can also run this introduction again.</source>
        <translation>这里的所有选择以后都可以在设置中更改，也可以在设置中重新运行本向导。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="169"/>
        <source>Starting at login is not available on this system.</source>
        <translation>此系统不支持登录时自动启动。</translation>
    </message>
</context>
<context>
    <name>ManagerDialogs</name>
    <message>
        <location filename="../manager/dialogs.py" line="53"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../manager/window.py" line="194"/>
        <source>Phrasebooks — QuickReply</source>
        <translation>短语库 — QuickReply</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="196"/>
        <source>&amp;New phrase…</source>
        <translation>新建短语(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="196"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="197"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="197"/>
        <source>Move to &amp;group…</source>
        <translation>移动到分组(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="198"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="198"/>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="199"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="199"/>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="200"/>
        <source>&amp;New book…</source>
        <translation>新建短语库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="200"/>
        <source>&amp;Rename book…</source>
        <translation>重命名短语库(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="201"/>
        <source>&amp;Delete book…</source>
        <translation>删除短语库(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="201"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="202"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="202"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="203"/>
        <source>&amp;Subscriptions…</source>
        <translation>订阅管理(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="207"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="208"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="209"/>
        <source>&amp;Book</source>
        <translation>短语库(&amp;B)</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="210"/>
        <source>Phrase actions</source>
        <translation>短语操作</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="211"/>
        <source>Search: short code, pinyin initials or words (Ctrl+F)</source>
        <translation>搜索：快捷编码、拼音首字母或文字（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="235"/>
        <source>“{book}” is subscribed and read-only: its publisher edits it.</source>
        <translation>“{book}”是订阅的短语库，只读：由发布者负责编辑。</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="251"/>
        <source>Clear the search to reorder phrases</source>
        <translation>清除搜索后才能调整短语顺序</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="262"/>
        <source>From {source} · revision {revision} · updated {time}</source>
        <translation>来源：{source} · 第 {revision} 版 · 更新于 {time}</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="265"/>
        <source>Last check failed: {reason}. The last good copy is kept.</source>
        <translation>最近一次检查失败：{reason}。已保留上一份完好的版本。</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="280"/>
        <source>&amp;Undo {change}</source>
        <translation>撤销{change}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../manager/window.py" line="281"/>
        <source>&amp;Redo {change}</source>
        <translation>重做{change}(&amp;R)</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../replies/prompt.py" line="82"/>
        <source>Name the conversation</source>
        <translation>为会话命名</translation>
    </message>
    <message>
        <location filename="../replies/prompt.py" line="86"/>
        <source>Name this conversation (e.g. the buyer):</source>
        <translation>为本次会话命名（例如买家名称）：</translation>
    </message>
    <message>
        <location filename="../replies/prompt.py" line="88"/>
        <source>Name</source>
        <translation>命名</translation>
    </message>
</context>
<context>
    <name>NumbersSharing</name>
    <message>
        <location filename="../team/share_service.py" line="83"/>
        <source>Your numbers could not be shared with the team: {reason}</source>
        <extracomment>A notice for the agent (a failure, told once a day).</extracomment>
        <translation>您的数据未能共享给团队：{reason}</translation>
    </message>
</context>
<context>
    <name>PhraseActions</name>
    <message>
        <location filename="../manager/phrases.py" line="50"/>
        <source>Change not made</source>
        <translation>未能更改</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="50"/>
        <source>The change could not be made.</source>
        <translation>无法完成此更改。</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="78"/>
        <source>Add “{title}”</source>
        <translation>添加“{title}”</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="88"/>
        <source>Edit “{title}”</source>
        <translation>编辑“{title}”</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="97"/>
        <source>Delete “{title}”</source>
        <translation>删除“{title}”</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="98"/>
        <source>Deleted “{title}”.</source>
        <translation>已删除“{title}”。</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="100"/>
        <source>Delete {count} phrases</source>
        <translation>删除 {count} 条短语</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="101"/>
        <source>Deleted {count} phrases.</source>
        <translation>已删除 {count} 条短语。</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="118"/>
        <source>Move to group</source>
        <translation>移动到分组</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="118"/>
        <source>Move {count} phrases to the group:</source>
        <translation>将 {count} 条短语移动到分组：</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="130"/>
        <source>(no group)</source>
        <translation>（未分组）</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="132"/>
        <source>Move {count} phrases to “{group}”</source>
        <translation>将 {count} 条短语移动到“{group}”</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="134"/>
        <source>Moved {count} phrases to “{group}”.</source>
        <translation>已将 {count} 条短语移动到“{group}”。</translation>
    </message>
    <message>
        <location filename="../manager/phrases.py" line="154"/>
        <source>Reorder phrases</source>
        <translation>调整短语顺序</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <location filename="../manager/phrase_editor.py" line="74"/>
        <source>Edit phrase</source>
        <translation>编辑短语</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="74"/>
        <source>New phrase</source>
        <translation>新建短语</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="92"/>
        <source>Made from the first line when left empty</source>
        <translation>留空则取回复内容的第一行</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="97"/>
        <source>Letters or digits to type in the picker, e.g. fh</source>
        <translation>在短语选择器中输入的字母或数字，例如 fh</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="100"/>
        <source>Separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="101"/>
        <source>Send as separate messages</source>
        <translation>分条发送</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="102"/>
        <source>A line holding only --- starts a new chat message</source>
        <translation>单独一行 --- 表示从这里开始新的一条消息</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="105"/>
        <source>The reply as the buyer will read it</source>
        <translation>买家将看到的回复内容</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="106"/>
        <source>Insert &amp;placeholder</source>
        <translation>插入占位符(&amp;P)</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="126"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="127"/>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="128"/>
        <source>Short &amp;code:</source>
        <translation>快捷编码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="129"/>
        <source>&amp;Hotkey:</source>
        <translation>快捷键(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="130"/>
        <source>T&amp;ags:</source>
        <translation>标签(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="132"/>
        <source>&amp;Reply:</source>
        <translation>回复内容(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="137"/>
        <source>Checks:</source>
        <translation>话术检查：</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="157"/>
        <source>the buyer&apos;s name, asked when inserting</source>
        <translation>买家称呼，插入时填写</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="158"/>
        <source>your name or id, from Settings</source>
        <translation>您的称呼或工号，取自设置</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="159"/>
        <source>today&apos;s date</source>
        <translation>今天的日期</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="160"/>
        <source>the time now</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="161"/>
        <source>the text on the clipboard</source>
        <translation>剪贴板中的文本</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="162"/>
        <source>where the caret is left after inserting</source>
        <translation>插入后光标停留的位置</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="167"/>
        <source>asks you for a value, e.g. {example}</source>
        <translation>插入时让您填写内容，例如 {example}</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="168"/>
        <source>order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="172"/>
        <source>{token} — {meaning}</source>
        <translation>{token} — {meaning}</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="222"/>
        <source>the picker hotkey</source>
        <translation>打开短语选择器</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="222"/>
        <source>the pause hotkey</source>
        <translation>暂停快捷键</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="223"/>
        <source>Hotkey {hotkey} is already {role}</source>
        <translation>快捷键 {hotkey} 已用于{role}</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="225"/>
        <source>Hotkey {hotkey} is already used by “{title}” in “{book}”</source>
        <translation>快捷键 {hotkey} 已被“{book}”中的“{title}”占用</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="227"/>
        <source>Hotkey {hotkey} cannot be used: {reason}</source>
        <translation>无法使用快捷键 {hotkey}：{reason}</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="249"/>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="249"/>
        <source>Warning: {message}</source>
        <translation>警告：{message}</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="253"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="256"/>
        <source>Cannot save: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="279"/>
        <source>Discard your changes to this phrase?</source>
        <translation>放弃您对这条短语所做的修改吗？</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="280"/>
        <source>Discard</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../manager/phrase_editor.py" line="280"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>PhraseTableModel</name>
    <message>
        <location filename="../manager/model.py" line="98"/>
        <source>Code</source>
        <translation>快捷编码</translation>
    </message>
    <message>
        <location filename="../manager/model.py" line="98"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../manager/model.py" line="98"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../manager/model.py" line="98"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../manager/model.py" line="98"/>
        <source>Hotkey</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../manager/model.py" line="99"/>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
</context>
<context>
    <name>Picker</name>
    <message>
        <location filename="../replies/picker.py" line="153"/>
        <source>QuickReply picker</source>
        <extracomment>A focus loss this soon after opening is the window manager&apos;s doing, not the agent&apos;s. How much of a row is searched for letters to mark: more never fits the list&apos;s width. The counter&apos;s colour by level: amber from the soft limit, red at the hard one. Ctrl+N: the agent starts a new conversation with this window&apos;s buyer. F2: the agent names the conversation (for clients with one title for every buyer). Handled at once (a dialog over the picker); the picker then takes the keyboard back. The offered next part of a reply going in by clipboard was chosen. What each row stands for, in row order (items hold only text: PySide must not own them). Books left out, and books listed first while nothing is typed; read on each opening. Book names by id, while more than one book has replies (else rows need none). The buyer&apos;s message suggestions were made for, while the picker is open. When each reply, as (book id, phrase id), last went into the target&apos;s conversation. Which the agent changed last, the clipboard or (X11) the selection: that holds the message they mean.</extracomment>
        <translation>QuickReply 选择回复</translation>
    </message>
    <message>
        <location filename="../replies/picker.py" line="154"/>
        <source>Type a code, pinyin initials or words…</source>
        <translation>输入快捷编码、拼音首字母或文字…</translation>
    </message>
    <message>
        <location filename="../replies/picker.py" line="155"/>
        <source>Enter insert · 1–9 choose · Ctrl+N new conversation · F2 name it · Esc close</source>
        <translation>Enter 插入 · 1–9 选择 · Ctrl+N 新会话 · F2 命名 · Esc 关闭</translation>
    </message>
    <message>
        <location filename="../replies/picker.py" line="156"/>
        <location filename="../replies/picker.py" line="284"/>
        <source>All groups</source>
        <translation>全部分组</translation>
    </message>
    <message>
        <location filename="../replies/picker.py" line="325"/>
        <source>✓ Sent {time} · {reply}</source>
        <translation>✓ 已发送 {time} · {reply}</translation>
    </message>
    <message>
        <location filename="../replies/picker.py" line="327"/>
        <source>★ Suggested · {reply}</source>
        <translation>★ 建议 · {reply}</translation>
    </message>
    <message>
        <location filename="../replies/picker.py" line="319"/>
        <source>No reply matches. Try fewer letters or pinyin initials.</source>
        <translation>没有匹配的回复。请少输入几个字母，或改用拼音首字母。</translation>
    </message>
</context>
<context>
    <name>PlaceholderDialog</name>
    <message>
        <location filename="../replies/prompt.py" line="46"/>
        <source>Fill in the reply</source>
        <translation>填写回复内容</translation>
    </message>
    <message>
        <location filename="../replies/prompt.py" line="53"/>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <location filename="../replies/prompt.py" line="57"/>
        <source>Kept in Settings for every reply</source>
        <translation>保存在设置中，用于所有回复</translation>
    </message>
    <message>
        <location filename="../replies/prompt.py" line="68"/>
        <source>Buyer&apos;s name</source>
        <translation>买家称呼</translation>
    </message>
    <message>
        <location filename="../replies/prompt.py" line="70"/>
        <source>Your name (for {agent})</source>
        <translation>您的名字（用于 {agent}）</translation>
    </message>
</context>
<context>
    <name>QuickReplyApp</name>
    <message>
        <location filename="../app.py" line="152"/>
        <source>Global hotkeys are not available on this desktop (Wayland). Bind the command “quickreply pick” to a keyboard shortcut in your desktop settings to open the picker.</source>
        <extracomment>Emitted from the watcher&apos;s thread; delivered queued on the main thread. A top-level window&apos;s new title, from the title watcher&apos;s thread; queued likewise. Where no keys can be sent (no desktop backend), replies go onto the clipboard.</extracomment>
        <translation>当前桌面（Wayland）不支持全局快捷键。请在桌面设置中为命令“quickreply pick”绑定一个快捷键，用来打开短语选择器。</translation>
    </message>
    <message>
        <location filename="../app.py" line="156"/>
        <source>Global hotkeys are not available: QuickReply does not support macOS yet. Open the picker from the menu bar icon; the reply is put on the clipboard for you to paste.</source>
        <translation>全局快捷键不可用：QuickReply 暂不支持 macOS。请从菜单栏图标打开短语选择器，回复会放到剪贴板上，由您自行粘贴。</translation>
    </message>
    <message>
        <location filename="../app.py" line="159"/>
        <source>Global hotkeys could not be started on this desktop (the log says why). Open the picker from QuickReply&apos;s menu or with the command “quickreply pick”; the reply is put on the clipboard for you to paste.</source>
        <translation>无法在当前桌面启用全局快捷键（原因见日志）。请从 QuickReply 的菜单或用命令“quickreply pick”打开短语选择器，回复会放到剪贴板上，由您自行粘贴。</translation>
    </message>
    <message>
        <location filename="../app.py" line="178"/>
        <source>Hotkeys unavailable; use “quickreply pick”</source>
        <translation>快捷键不可用，请使用“quickreply pick”</translation>
    </message>
    <message>
        <location filename="../app.py" line="180"/>
        <source>Hotkeys paused</source>
        <translation>快捷键已暂停</translation>
    </message>
    <message>
        <location filename="../app.py" line="183"/>
        <source>Ready · picker {chord}</source>
        <translation>就绪 · 短语选择器 {chord}</translation>
    </message>
    <message>
        <location filename="../app.py" line="348"/>
        <source>The window did not accept the reply. It is not on the clipboard any more; try again or switch the application to typing mode.</source>
        <translation>该窗口未接受这条回复，剪贴板中也已不再保留。请重试，或将该程序的插入方式改为逐键输入。</translation>
    </message>
</context>
<context>
    <name>ReportWindow</name>
    <message>
        <location filename="../team/report_window.py" line="214"/>
        <location filename="../team/report_window.py" line="302"/>
        <source>QuickReply team report</source>
        <extracomment>The team folder followed, if any. The team drill texts (赛文), every race&apos;s ranking one after the other.</extracomment>
        <translation>QuickReply 团队报告</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="215"/>
        <source>Team folder…</source>
        <translation>团队文件夹…</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="216"/>
        <source>Follow the folder agents share their numbers to (Settings → General): every export there, read again when one changes</source>
        <translation>跟踪客服共享数据的文件夹（设置 → 常规）：读取其中的每个导出文件，有文件变化时重新读取</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="218"/>
        <source>Add exports…</source>
        <translation>添加导出文件…</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="219"/>
        <source>The agents&apos; statistics exports (.json): Export JSON… in their statistics window, or quickreply stats export FILE.json</source>
        <translation>各客服的统计导出文件（.json）：在统计窗口点“导出 JSON…”，或用 quickreply stats export FILE.json</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="221"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="222"/>
        <source>Save as HTML…</source>
        <translation>另存为 HTML…</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="223"/>
        <source>One file with charts that opens in any browser, even offline, and the numbers beside it as .json</source>
        <translation>一个带图表的文件，任何浏览器都能打开（不联网也可以），旁边另存一份 .json 数据</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="225"/>
        <source>Ask each agent for their statistics export (Statistics → Export JSON…), then add the files here.</source>
        <translation>请每位客服导出自己的统计（统计 → 导出 JSON…），再把这些文件添加到这里。</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="227"/>
        <source>Agents</source>
        <translation>客服人数</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="228"/>
        <location filename="../team/report_window.py" line="235"/>
        <location filename="../team/report_window.py" line="251"/>
        <location filename="../team/report_window.py" line="499"/>
        <source>Conversations</source>
        <translation>会话数</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="229"/>
        <location filename="../team/report_window.py" line="249"/>
        <location filename="../team/report_window.py" line="482"/>
        <source>At or over the soft limit</source>
        <translation>达到提醒上限</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="230"/>
        <location filename="../team/report_window.py" line="249"/>
        <location filename="../team/report_window.py" line="483"/>
        <source>Over the hard limit</source>
        <translation>超过硬性上限</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="231"/>
        <source>Trainees at their typing goal</source>
        <translation>达到打字目标的学员</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="232"/>
        <source>Typing</source>
        <translation>打字练习</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="233"/>
        <source>Phrases</source>
        <translation>短语</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="234"/>
        <source>Over the limits</source>
        <translation>超出上限</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="236"/>
        <source>Team drills</source>
        <translation>团队赛文</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="237"/>
        <location filename="../team/report_window.py" line="240"/>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="237"/>
        <source>Team drill</source>
        <translation>赛文</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="237"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="238"/>
        <source>Net CPM</source>
        <translation>有效字/分</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="238"/>
        <source>Accuracy</source>
        <translation>正确率</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="238"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="240"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="240"/>
        <source>Drills</source>
        <translation>练习次数</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="240"/>
        <source>Best CPM</source>
        <translation>最好成绩（字/分）</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="240"/>
        <source>Latest CPM</source>
        <translation>最近一次（字/分）</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="241"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="241"/>
        <source>Reached the goal</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="241"/>
        <source>Trend (CPM per day)</source>
        <translation>趋势（每天提高字/分）</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="241"/>
        <source>Goal expected on</source>
        <translation>预计达标日期</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="242"/>
        <source>Drills over time (net CPM)</source>
        <translation>练习成绩变化（净速度，字/分）</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="243"/>
        <source>Most used phrases, by agent</source>
        <translation>最常用的短语（按客服）</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="244"/>
        <source>Code</source>
        <translation>快捷编码</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="244"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="244"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="244"/>
        <source>Book</source>
        <translation>短语库</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="245"/>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="247"/>
        <source>Share of conversations over the limits</source>
        <translation>超出上限的会话比例</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="248"/>
        <location filename="../team/report_window.py" line="251"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="248"/>
        <source>Limits (soft / hard)</source>
        <translation>上限（提醒 / 硬性）</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="250"/>
        <source>Conversations per agent</source>
        <translation>各客服的会话数</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="251"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="252"/>
        <source>Quick replies</source>
        <translation>快捷回复数</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="252"/>
        <source>Quick replies per conversation</source>
        <translation>每个会话的快捷回复数</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="253"/>
        <source>Time saved</source>
        <translation>节省的时间</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="253"/>
        <source>Waiting buyers</source>
        <translation>等待的买家</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="254"/>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="254"/>
        <source>Average response</source>
        <translation>平均响应</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="266"/>
        <source>Add statistics exports</source>
        <translation>添加统计导出文件</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="267"/>
        <source>Statistics exports (*.json)</source>
        <translation>统计导出文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="272"/>
        <source>The team&apos;s shared folder</source>
        <translation>团队共享文件夹</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="296"/>
        <source>Save the team report</source>
        <translation>保存团队报告</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="297"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="312"/>
        <source>Left out, as team reports rather than agents&apos; exports: {files}</source>
        <translation>以下是团队报告，不是客服的导出文件，已跳过：{files}</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="329"/>
        <source>Not added: {error}</source>
        <translation>未添加：{error}</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="362"/>
        <source>The team report could not be saved: {error}</source>
        <translation>团队报告保存失败：{error}</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="369"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="369"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="381"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="399"/>
        <source>yes, on {date}</source>
        <translation>已达到（{date}）</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="401"/>
        <source>not yet</source>
        <translation>尚未达到</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="422"/>
        <source>Goal {goal} CPM</source>
        <translation>目标 {goal} 字/分</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="451"/>
        <source>not counted</source>
        <translation>不计入</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="469"/>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="475"/>
        <source>Never used by anyone: {count} of {total} phrases</source>
        <translation>没有任何人用过：共 {total} 条，其中 {count} 条</translation>
    </message>
    <message>
        <location filename="../team/report_window.py" line="495"/>
        <source>Whole team</source>
        <translation>全团队</translation>
    </message>
</context>
<context>
    <name>RuleTable</name>
    <message>
        <location filename="../settings/rules.py" line="154"/>
        <source>&amp;Add rule</source>
        <translation>添加规则(&amp;A)</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="155"/>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="156"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="157"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../settings/rules.py" line="304"/>
        <source>A&amp;pplications</source>
        <translation>程序规则(&amp;P)</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="307"/>
        <source>The first rule whose patterns match the chat window decides how a reply goes in. Patterns are regular expressions, matched ignoring case; an empty pattern matches any window.</source>
        <translation>按顺序查找，第一条与聊天窗口匹配的规则决定回复的插入方式。匹配条件为正则表达式，不区分大小写；留空则匹配任意窗口。</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="310"/>
        <source>Ru&amp;les:</source>
        <translation>规则(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="311"/>
        <source>Window class</source>
        <translation>窗口类名</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="311"/>
        <source>Title</source>
        <translation>窗口标题</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="311"/>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="312"/>
        <source>Insert by</source>
        <translation>插入方式</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="312"/>
        <source>Paste chord</source>
        <translation>粘贴组合键</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="312"/>
        <source>Send key</source>
        <translation>发送键</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="313"/>
        <source>The program&apos;s window class, e.g. AliWorkBench|WeChat</source>
        <translation>程序的窗口类名，例如 AliWorkBench|WeChat</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="315"/>
        <source>The program&apos;s file name, e.g. AliWorkBench.exe|Doudian.exe: on Windows many chat programs share one window class (every Chromium or Electron window is Chrome_WidgetWin_1)</source>
        <translation>程序的文件名，例如 AliWorkBench.exe|Doudian.exe：在 Windows 上，许多聊天程序的窗口类名相同（所有 Chromium 或 Electron 窗口都是 Chrome_WidgetWin_1）</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="317"/>
        <source>Words in the window title, e.g. 千牛|接待</source>
        <translation>窗口标题中的文字，例如 千牛|接待</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="341"/>
        <source>Rule {row} would match every window: give a window class, program or title pattern.</source>
        <translation>第 {row} 条规则会匹配所有窗口：请填写窗口类名、程序或标题。</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="344"/>
        <source>Rule {row}: the window class pattern is not a valid regular expression ({error}).</source>
        <translation>第 {row} 条规则：窗口类名不是有效的正则表达式（{error}）。</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="346"/>
        <source>Rule {row}: the program pattern is not a valid regular expression ({error}).</source>
        <translation>第 {row} 条规则：程序不是有效的正则表达式（{error}）。</translation>
    </message>
    <message>
        <location filename="../settings/rules.py" line="347"/>
        <source>Rule {row}: the title pattern is not a valid regular expression ({error}).</source>
        <translation>第 {row} 条规则：窗口标题不是有效的正则表达式（{error}）。</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../self_test.py" line="99"/>
        <source>self-test failed: {failure}</source>
        <translation>自检失败：{failure}</translation>
    </message>
    <message>
        <location filename="../self_test.py" line="101"/>
        <source>QuickReply self-test: {passed} checks passed, {failed} failed ({checks})</source>
        <translation>QuickReply 自检：{passed} 项通过，{failed} 项失败（{checks}）</translation>
    </message>
</context>
<context>
    <name>SettingsChoices</name>
    <message>
        <location filename="../settings/widgets.py" line="82"/>
        <source>Type out key by key</source>
        <translation>逐键输入</translation>
    </message>
    <message>
        <location filename="../settings/widgets.py" line="83"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <location filename="../settings/window.py" line="76"/>
        <source>QuickReply settings</source>
        <translation>QuickReply 设置</translation>
    </message>
    <message>
        <location filename="../settings/window.py" line="90"/>
        <source>Cannot save: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
    <message>
        <location filename="../settings/window.py" line="115"/>
        <source>The settings could not be written: {error}</source>
        <translation>无法写入设置：{error}</translation>
    </message>
    <message>
        <location filename="../settings/window.py" line="134"/>
        <source>Could not change starting at login: {error}</source>
        <translation>无法更改登录时自动启动：{error}</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../shell.py" line="207"/>
        <source>Longest wait: {seconds} s — {label}</source>
        <extracomment>&quot;Longest wait: 42 s — label&quot;, at the top of the menu while a buyer waits.</extracomment>
        <translation>最长等待：{seconds} 秒 — {label}</translation>
    </message>
    <message>
        <location filename="../shell.py" line="208"/>
        <source>Longest wait: {seconds} s</source>
        <translation>最长等待：{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <location filename="../stats/window.py" line="149"/>
        <location filename="../stats/window.py" line="346"/>
        <source>QuickReply statistics</source>
        <extracomment>The histogram&apos;s last bar collects every conversation with at least this many quick replies (never fewer than hard limit + 2 bars, so &quot;over the hard limit&quot; has a bar). The charts&apos; current series, kept so tests (and refreshes) reach the bar sets.</extracomment>
        <translation>QuickReply 统计</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="150"/>
        <source>&amp;Period:</source>
        <translation>统计周期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="152"/>
        <source>Last {days} days</source>
        <translation>最近 {days} 天</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="153"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="154"/>
        <source>Read the numbers again (F5)</source>
        <translation>重新读取统计数据（F5）</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="155"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="156"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="157"/>
        <source>Team report…</source>
        <translation>团队报告…</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="158"/>
        <source>For team leads: merge the agents&apos; exported statistics into one report</source>
        <translation>主管使用：把各客服导出的统计合并成一份报告</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="160"/>
        <source>Conversations per day</source>
        <translation>每日会话数</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="161"/>
        <source>Quick replies per conversation</source>
        <translation>每个会话的快捷回复次数</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="162"/>
        <source>Code</source>
        <translation>快捷编码</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="162"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="162"/>
        <location filename="../stats/window.py" line="166"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="162"/>
        <location filename="../stats/window.py" line="165"/>
        <location filename="../stats/window.py" line="166"/>
        <source>Book</source>
        <translation>短语库</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="162"/>
        <location filename="../stats/window.py" line="165"/>
        <location filename="../stats/window.py" line="166"/>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="167"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="167"/>
        <source>Waiting buyers</source>
        <translation>等待的买家</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="167"/>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="168"/>
        <location filename="../stats/window.py" line="191"/>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="168"/>
        <location filename="../stats/window.py" line="192"/>
        <source>Average response</source>
        <translation>平均响应</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="169"/>
        <source>Median response</source>
        <translation>响应中位数</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="170"/>
        <source>How long buyers waited for your answer: from a rise of the unread counter in the chat window&apos;s title (such as &quot;(3)&quot;) to your quick reply, or to the counter clearing. First response: the first answer in each conversation; average: every answer. Chat programs whose title shows no counter cannot be measured.</source>
        <translation>买家等待您回复的时长：从聊天窗口标题中的未读计数（如“(3)”）增加开始，到您插入快捷回复或计数清零为止。首次响应：每个会话中的第一次回复；平均响应：所有回复。标题不显示未读计数的聊天程序无法统计。</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="184"/>
        <location filename="../stats/window.py" line="288"/>
        <source>Conversations</source>
        <translation>会话数</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="185"/>
        <source>Today</source>
        <translation>今日会话数</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="186"/>
        <source>Quick replies</source>
        <translation>快捷回复次数</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="187"/>
        <source>Mean per conversation</source>
        <translation>每个会话平均次数</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="188"/>
        <source>{soft} or more (soft limit)</source>
        <translation>{soft} 次及以上（提醒上限）</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="189"/>
        <source>More than {hard} (hard limit)</source>
        <translation>超过 {hard} 次（硬性上限）</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="190"/>
        <source>Time saved</source>
        <translation>节省的时间</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="193"/>
        <source>Most used</source>
        <translation>最常用</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="194"/>
        <source>Never used ({count})</source>
        <translation>从未使用（{count}）</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="195"/>
        <source>Per book</source>
        <translation>按短语库</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="196"/>
        <source>Per group</source>
        <translation>按分组</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="197"/>
        <source>Response times</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="235"/>
        <source>The statistics could not be read: {error}</source>
        <translation>无法读取统计数据：{error}</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="245"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="260"/>
        <source>(no group)</source>
        <translation>（未分组）</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="266"/>
        <source>What the quick replies would have taken to type, at your speed:</source>
        <translation>按您的打字速度，这些快捷回复本需打字的时间：</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="267"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="267"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="269"/>
        <source>{language}: {cpm} characters per minute</source>
        <translation>{language}：每分钟 {cpm} 字</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="271"/>
        <source> (assumed: no typing drill yet)</source>
        <translation>（估计值：还没有打字练习记录）</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="305"/>
        <source>{date}: {count} conversations</source>
        <translation>{date}：{count} 个会话</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="319"/>
        <source>Below {soft}</source>
        <translation>少于 {soft} 次</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="320"/>
        <source>{soft} to {hard}</source>
        <translation>{soft} 至 {hard} 次</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="321"/>
        <source>Over {hard}</source>
        <translation>超过 {hard} 次</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="334"/>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="351"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="351"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="353"/>
        <source>Export statistics</source>
        <translation>导出统计数据</translation>
    </message>
    <message>
        <location filename="../stats/window.py" line="362"/>
        <source>The statistics could not be exported: {error}</source>
        <translation>无法导出统计数据：{error}</translation>
    </message>
</context>
<context>
    <name>SubscriptionService</name>
    <message>
        <location filename="../team/subscription_service.py" line="181"/>
        <source>“{book}” was updated to revision {revision}: {added} added, {changed} changed, {removed} removed.</source>
        <extracomment>The checks under way, by subscription id: their deadlines, to cancel on stop.</extracomment>
        <translation>“{book}”已更新到第 {revision} 版：新增 {added} 条，修改 {changed} 条，删除 {removed} 条。</translation>
    </message>
    <message>
        <location filename="../team/subscription_service.py" line="188"/>
        <source>“{book}” could not be updated: {reason}. The last good copy (revision {revision}) is kept.</source>
        <translation>“{book}”无法更新：{reason}。已保留上一份完好的版本（第 {revision} 版）。</translation>
    </message>
</context>
<context>
    <name>SubscriptionsDialog</name>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="122"/>
        <source>Subscriptions — QuickReply</source>
        <translation>订阅 — QuickReply</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="123"/>
        <source>Book</source>
        <translation>短语库</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="123"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="123"/>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="124"/>
        <source>Last update</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="124"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="125"/>
        <source>Check &amp;now</source>
        <translation>立即检查(&amp;N)</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="126"/>
        <source>&amp;Remove…</source>
        <translation>取消订阅(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="127"/>
        <source>Subscribe to a team phrasebook</source>
        <translation>订阅团队短语库</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="128"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="129"/>
        <source>&amp;Subscribe</source>
        <translation>订阅(&amp;S)</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="130"/>
        <source>A file on a shared folder, or an http(s) address</source>
        <translation>共享文件夹里的文件，或 http(s) 网址</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="131"/>
        <source>qr-ed25519:… (optional: then only files the lead signed are accepted)</source>
        <translation>qr-ed25519:…（可不填；填写后只接受主管签名的文件）</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="133"/>
        <source>S&amp;ource:</source>
        <translation>来源(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="134"/>
        <source>Lead&apos;s public &amp;key:</source>
        <translation>主管公钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="157"/>
        <source>Last checked: {time}</source>
        <translation>最近检查：{time}</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="157"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="169"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="171"/>
        <source>Up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="173"/>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="203"/>
        <source>Remove subscription</source>
        <translation>取消订阅</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="204"/>
        <source>Stop the subscription to “{book}”?</source>
        <translation>要取消订阅“{book}”吗？</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="205"/>
        <source>Delete the book takes its read-only book away too (a backup of all books is made first); Keep as my phrasebook turns the book into one you can edit, no longer updated.</source>
        <translation>“删除短语库”会一并删除这本只读短语库（删除前会先备份全部短语库）；“保留为我的短语库”则把它变成您可以编辑的短语库，不再自动更新。</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="207"/>
        <source>Delete the book</source>
        <translation>删除短语库</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="207"/>
        <source>Keep as my phrasebook</source>
        <translation>保留为我的短语库</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="225"/>
        <source>Fetching {source}…</source>
        <translation>正在获取 {source}…</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="229"/>
        <source>Choose the published file</source>
        <translation>选择发布的文件</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="230"/>
        <source>QuickReply publications (*.qrpub *.json)</source>
        <translation>QuickReply 发布文件 (*.qrpub *.json)</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="230"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="238"/>
        <source>Subscribed to “{book}” (revision {revision}, {count} phrases).</source>
        <translation>已订阅“{book}”（第 {revision} 版，{count} 条短语）。</translation>
    </message>
    <message>
        <location filename="../team/subscriptions_dialog.py" line="243"/>
        <source>Could not subscribe to {source}: {reason}</source>
        <translation>无法订阅 {source}：{reason}</translation>
    </message>
</context>
<context>
    <name>TeamShareField</name>
    <message>
        <location filename="../settings/team_share.py" line="34"/>
        <source>A shared folder or https:// address</source>
        <translation>共享文件夹或 https:// 地址</translation>
    </message>
    <message>
        <location filename="../settings/team_share.py" line="35"/>
        <source>Br&amp;owse…</source>
        <translation>浏览(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../settings/team_share.py" line="36"/>
        <source>Left empty, nothing is shared. Once a day and when QuickReply quits, your statistics (counts, reply titles, typing drills; never what you or a buyer wrote) go there for your team lead&apos;s report.</source>
        <translation>留空则不共享。每天一次以及 QuickReply 退出时，您的统计（次数、回复标题、打字练习；绝不包含您或买家写的内容）会发送到这里，供团队主管生成报告。</translation>
    </message>
    <message>
        <location filename="../settings/team_share.py" line="47"/>
        <source>The team folder {folder} does not exist.</source>
        <translation>团队文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../settings/team_share.py" line="51"/>
        <source>The team&apos;s shared folder</source>
        <translation>团队共享文件夹</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <location filename="../manager/undo_notice.py" line="36"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
</TS>
