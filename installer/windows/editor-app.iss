; Inno Setup script: per-machine installer for the desktop app, built on Windows by IT staff.
; Needs Inno Setup 6.5.0 or later: its compiler ships Languages\Vietnamese.isl (x64compatible
; itself needs 6.3). A compiler without that file can use the Vietnamese.isl of the translations
; page (https://jrsoftware.org/files/istrans/) put beside this script. Steps: docs/admin.md.
;
; Build:   python installer\build.py    (dist\editor-app\, smoke test, build\app_version.iss)
;          "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\editor-app.iss
; Silent:  editor-app-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;            [/PORTAL=https://cong.tinh.gov.vn] [/PROFILE=cao-bang] [/CABUNDLE=C:\ca\goc.pem]
;            [/PROXY=http://proxy:8080] [/UNIT="<unit name>"] [/LOCK=portal_url,profile_id]
;          or put a preset.json (UTF-8) beside the setup .exe: it is installed as-is and wins.
; The preset is written as UTF-8 without a BOM (the app also accepts one), with JSON escapes, so
; Vietnamese values (a unit's name, a CA path in a Vietnamese folder) survive on every code page.
; This script itself is kept ASCII-only, so how the compiler reads its encoding never matters.
; User data (drafts, settings, logs under %LOCALAPPDATA%\editor-app) is never touched by the
; uninstaller; only the program folder and the preset are removed.

#ifndef AppVersion
  #if FileExists(SourcePath + "..\..\build\app_version.iss")
    #include SourcePath + "..\..\build\app_version.iss"
  #else
    #error build\app_version.iss is missing: run python installer\build.py first (or pass /DAppVersion=x.y.z)
  #endif
#endif

#if FileExists(CompilerPath + "Languages\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Vietnamese.isl"
#elif FileExists(SourcePath + "Vietnamese.isl")
  #define VietnameseIsl SourcePath + "Vietnamese.isl"
#else
  #error Vietnamese.isl not found: use Inno Setup 6.5.0 or later, or put Vietnamese.isl beside this script
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
; Qt 6 runs on Windows 10 1809 and later.
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=editor-app-{#AppVersion}-setup
SetupIconFile=editor-app.ico
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\editor-app.exe
CloseApplications=yes

[Languages]
; Vietnamese first (the default when the system language is not matched), laid over the English
; messages so any message an older Vietnamese.isl lacks is shown in English instead of failing.
Name: "vi"; MessagesFile: "compiler:Default.isl,{#VietnameseIsl}"
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
{ JSON string body: backslash, quote and control characters escaped; everything else (Vietnamese
  included) kept as is, since the file is written as UTF-8. }
function JsonEscape(const S: String): String;
var I: Integer; C: Char;
begin
  Result := '';
  for I := 1 to Length(S) do begin
    C := S[I];
    if C = '\' then Result := Result + '\\'
    else if C = '"' then Result := Result + '\"'
    else if Ord(C) < 32 then Result := Result + Format('\u%.4x', [Ord(C)])
    else Result := Result + C;
  end;
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

{ UTF-8 without a BOM: SaveStringToFile would write the system ANSI code page, which turns
  Vietnamese letters outside it into '?'. }
procedure SavePreset(const Json: String);
var Lines: TArrayOfString; Path: String;
begin
  Path := ExpandConstant('{app}\preset.json');
  SetArrayLength(Lines, 1);
  Lines[0] := Json;
  if SaveStringsToUTF8FileWithoutBOM(Path, Lines, False) then
    Log('Wrote the IT preset ' + Path)
  else
    SuppressibleMsgBox('Could not write ' + Path, mbError, MB_OK, IDOK);
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
  AddSetting(Body, 'unit', ExpandConstant('{param:UNIT|}'));
  if Body = '' then exit;
  SavePreset('{"settings": {' + Body + '}, "locked": [' +
    LockedList(ExpandConstant('{param:LOCK|}')) + ']}');
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then WritePresetFromCommandLine();
end;
