; Inno Setup 6 script of CIQ Desk 报检通: a per-user installer (no administrator rights).
;
; Build the bundle first (python packaging\build.py --selftest), then on Windows:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\installer.iss
; Output: dist\installer\CIQDesk-Setup-<version>.exe
;
; * Installs into %LOCALAPPDATA%\Programs\CIQDesk (PrivilegesRequired=lowest).
; * Language pages: 简体中文 and English. Needs Inno Setup 6.3 or newer (x64compatible). If
;   its Languages\ folder has no ChineseSimplified.isl, put the translation from
;   https://jrsoftware.org/files/istrans/ there.
; * Start-menu entry; optional desktop icon.
; * Uninstall keeps the user's data (%LOCALAPPDATA%\CIQDesk: declarations, attachments,
;   backups, logs) unless the user says yes when asked; a silent uninstall always keeps it.
; This file is UTF-8 with a byte-order mark, as Inno Setup needs for the Chinese text.

#define AppName "CIQ Desk 报检通"
#define AppVersion "0.1.0"
#define AppExe "CIQDesk.exe"
#define BundleDir "..\dist\CIQDesk"

[Setup]
AppId={{6B0E3C52-9D1B-4C5E-9A57-3C1D2B7F9A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=CIQ Desk
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={localappdata}\Programs\CIQDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=CIQDesk-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\ciqdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=yes
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DeleteData=是否同时删除本机保存的报检数据？%n%n%1%n%n其中包括报检单草稿、随附单据、备份和日志。选择“否”将保留这些数据，重新安装后可继续使用。
english.DeleteData=Also delete the declaration data kept on this computer?%n%n%1%n%nThis holds drafts, attachments, backups and logs. Choose No to keep them for a later reinstall.
chinesesimplified.DesktopIcon=创建桌面快捷方式
english.DesktopIcon=Create a desktop shortcut

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The user's profile: platformdirs' user_data_dir("CIQDesk", "CIQDesk", roaming=False)
  lives inside %LOCALAPPDATA%\CIQDesk; the program files are elsewhere ({app}). }
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\CIQDesk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not DirExists(DataDir()) then
    exit;
  if UninstallSilent() then
    exit;  { never delete data without asking }
  if MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDir()]), mbConfirmation,
            MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    if not DelTree(DataDir(), True, True, True) then
      MsgBox(DataDir(), mbError, MB_OK);
  end;
end;
