; Inno Setup script: a per-user install of the one-folder bundle (no administrator rights).
;
;   uv run pyinstaller --noconfirm --clean packaging/puskesos.spec   (on Windows)
;   iscc packaging\windows\puskesos.iss
;
; The program goes to %LOCALAPPDATA%\Programs\Puskesos Kiosk; the data stays where the
; program keeps it, %LOCALAPPDATA%\puskesos-kiosk (database, backups, sealed secrets), and is
; never touched by the installer or the uninstaller. An upgrade replaces the program only:
; its first start copies the database (verified) before it migrates the schema, and the copy
; is listed on the Cadangan data page.

#define AppName "Puskesos Kiosk"
#define AppVersion "0.1.0"

[Setup]
AppId={{6B0B3E43-5D4C-4C38-9C69-8E2C8B8F1A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Puskesos Kiosk
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\build\installer
OutputBaseFilename=puskesos-kiosk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\licences\LGPL-3.0.txt
CloseApplications=yes
UninstallDisplayIcon={app}\puskesos.exe

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\build\dist\puskesos\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\puskesos.exe"
Name: "{group}\Layar antrian pintu"; Filename: "{app}\puskesos.exe"; Parameters: "antrian --as antrian"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\puskesos.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Ikon di desktop"; Flags: unchecked

[Run]
Filename: "{app}\puskesos.exe"; Description: "Buka {#AppName}"; Flags: nowait postinstall skipifsilent
