# Sourced by demo.sh and test.sh: decides once per clone which Xrm SDK the build compiles against.
#   Official - Microsoft's packages (a machine that reaches the public NuGet feed)
#   Folder   - Microsoft's assemblies as files in XRM_SDK_DIR (offline and locked-down build agents):
#              Microsoft.Xrm.Sdk.dll, Microsoft.Crm.Sdk.Proxy.dll, Microsoft.Xrm.Sdk.Workflow.dll
#   Standin  - XrmSdkStandin/ (machines whose feed lacks them; binaries are for tests only)
# XRM_SDK=Official|Folder|Standin in the environment forces a choice; so does -p:XrmSdk=... on a dotnet command.
xrmsdk_record="$(pwd)/.xrmsdk.props"
if [ -n "${XRM_SDK:-}" ]; then
  case "$XRM_SDK" in Official|Standin|Folder) ;; *) echo "XRM_SDK must be Official, Folder or Standin, not '$XRM_SDK'" >&2; exit 2;; esac
  xrmsdk_choice="$XRM_SDK"; xrmsdk_why="forced by XRM_SDK"
  if [ "$XRM_SDK" = Folder ]; then
    if [ -z "${XRM_SDK_DIR:-}" ]; then echo "XRM_SDK=Folder needs XRM_SDK_DIR: the folder with Microsoft.Xrm.Sdk.dll, Microsoft.Crm.Sdk.Proxy.dll and Microsoft.Xrm.Sdk.Workflow.dll" >&2; exit 2; fi
    for xrmsdk_file in Microsoft.Xrm.Sdk.dll Microsoft.Crm.Sdk.Proxy.dll Microsoft.Xrm.Sdk.Workflow.dll; do
      [ -f "$XRM_SDK_DIR/$xrmsdk_file" ] || { echo "XRM_SDK_DIR=$XRM_SDK_DIR has no $xrmsdk_file" >&2; exit 2; }
    done
    export XRM_SDK_DIR="$(cd "$XRM_SDK_DIR" && pwd)"
    xrmsdk_why="forced by XRM_SDK, assemblies in $XRM_SDK_DIR"
  fi
elif [ -f "$xrmsdk_record" ]; then
  xrmsdk_choice=$(sed -n 's:.*<XrmSdk>\(.*\)</XrmSdk>.*:\1:p' "$xrmsdk_record")
  xrmsdk_why="recorded in .xrmsdk.props (delete it to probe again)"
else
  xrmsdk_log=$(mktemp)
  if dotnet restore eng/sdk-probe/SdkProbe.csproj >"$xrmsdk_log" 2>&1; then
    xrmsdk_choice=Official; xrmsdk_why="the official packages restore here"
  elif grep -q NU1101 "$xrmsdk_log"; then
    xrmsdk_choice=Standin; xrmsdk_why="the package feed has no Microsoft.CrmSdk/Dataverse packages (NU1101)"
  else
    cat "$xrmsdk_log" >&2
    echo "Could not tell whether the official SDK packages are available (see the restore output above)." >&2
    echo "Fix the feed, or force a choice with XRM_SDK=Official or XRM_SDK=Standin." >&2
    exit 1
  fi
  rm -f "$xrmsdk_log"
fi
if [ -z "${XRM_SDK:-}" ]; then
  printf '<Project><PropertyGroup><XrmSdk>%s</XrmSdk></PropertyGroup></Project>\n' "$xrmsdk_choice" >"$xrmsdk_record"
fi
export XrmSdk="$xrmsdk_choice"
echo "Xrm SDK: $xrmsdk_choice ($xrmsdk_why)"
