; Inno Setup 6 script: per-machine installer for the desktop app (built on Windows by IT staff).
; Build:   python installer\build.py        (makes dist\editor-app\ and smoke-tests it)
;          iscc /DAppVersion=0.1.0 installer\windows\editor-app.iss
; Silent:  editor-app-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;            [/PORTAL=https://cong.tinh.gov.vn] [/PROFILE=cao-bang] [/CABUNDLE=C:\ca\gov-root.pem]
;            [/PROXY=http://proxy:8080] [/LOCK=portal_url,profile_id]
;          or put a preset.json beside the setup .exe: it is installed as-is.
; User data (drafts, settings, logs under %LOCALAPPDATA%\editor-app) is never touched by the
; uninstaller; only the program folder and the preset are removed.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C2F4E1A-8B3D-4F57-9C0E-5A7D2B9E1F34}
AppName=Editor App
AppVerName=Editor App {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Editor App
DefaultDirName={autopf}\Editor App
DefaultGroupName=Editor App
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=editor-app-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\editor-app.exe
CloseApplications=yes

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\editor-app\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion
; A preset.json placed by IT beside the installer wins over command-line values.
Source: "{src}\preset.json"; DestDir: "{app}"; Flags: external skipifsourcedoesntexist ignoreversion

[Icons]
Name: "{group}\Editor App"; Filename: "{app}\editor-app.exe"
Name: "{group}\{cm:UninstallProgram,Editor App}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\editor-app.exe"; Description: "{cm:LaunchProgram,Editor App}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: files; Name: "{app}\preset.json"

[Code]
function JsonEscape(const S: String): String;
begin
  Result := S;
  StringChangeEx(Result, '\', '\\', True);
  StringChangeEx(Result, '"', '\"', True);
end;

procedure AddSetting(var Body: String; const Key, Value: String);
begin
  if Value = '' then exit;
  if Body <> '' then Body := Body + ', ';
  Body := Body + '"' + Key + '": "' + JsonEscape(Value) + '"';
end;

function LockedList(const Csv: String): String;
var Rest, Item: String; P: Integer;
begin
  Result := ''; Rest := Csv;
  while Rest <> '' do begin
    P := Pos(',', Rest);
    if P = 0 then begin Item := Rest; Rest := ''; end
    else begin Item := Copy(Rest, 1, P - 1); Delete(Rest, 1, P); end;
    Item := Trim(Item);
    if Item <> '' then begin
      if Result <> '' then Result := Result + ', ';
      Result := Result + '"' + JsonEscape(Item) + '"';
    end;
  end;
end;

procedure WritePresetFromCommandLine();
var Body: String;
begin
  if FileExists(ExpandConstant('{src}\preset.json')) then exit;
  Body := '';
  AddSetting(Body, 'portal_url', ExpandConstant('{param:PORTAL|}'));
  AddSetting(Body, 'profile_id', ExpandConstant('{param:PROFILE|}'));
  AddSetting(Body, 'ca_bundle', ExpandConstant('{param:CABUNDLE|}'));
  AddSetting(Body, 'proxy', ExpandConstant('{param:PROXY|}'));
  if Body = '' then exit;
  SaveStringToFile(ExpandConstant('{app}\preset.json'),
    '{"settings": {' + Body + '}, "locked": [' + LockedList(ExpandConstant('{param:LOCK|}')) + ']}',
    False);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then WritePresetFromCommandLine();
end;
