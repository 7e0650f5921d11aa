#!/usr/bin/env pwsh
# Agents build script for PowerShell: the same verbs as build.sh, calling the same dotnet commands.
# build.sh is the reference (it also checks prerequisites and prints the test summary line);
# keep this file a thin mirror of it.
param(
    [Parameter(Position = 0)][ValidateSet('test', 'build', 'bench', 'run', 'help')][string]$Verb = 'help',
    [Parameter(Position = 1, ValueFromRemainingArguments = $true)][string[]]$Rest = @()
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$configuration = 'Release'
$artifacts = Join-Path $PSScriptRoot 'artifacts'

function Invoke-Dotnet([string[]]$Arguments) {
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Build {
    $locked = if ($env:CI -eq 'true') { @('--locked-mode') } else { @() }
    Invoke-Dotnet (@('restore', 'Agents.sln', '--verbosity', 'quiet') + $locked)
    Invoke-Dotnet @('build', 'Agents.sln', '--configuration', $configuration, '--no-restore', '--nologo')
}

switch ($Verb) {
    'build' { Invoke-Build }
    'test' {
        Invoke-Build
        $results = Join-Path $artifacts 'test-results'
        Invoke-Dotnet (@('test', 'Agents.sln', '--configuration', $configuration, '--no-build', '--nologo',
                '--results-directory', $results, '--logger', 'trx', '--logger', 'console;verbosity=minimal') + $Rest)
    }
    'bench' {
        Invoke-Build
        Invoke-Dotnet (@('run', '--project', 'tests/Agents.Benchmarks', '--configuration', $configuration, '--',
                '--output', (Join-Path $artifacts 'bench')) + $Rest)
    }
    'run' {
        $switches = @($Rest | Where-Object { $_ -ne '--' })
        # The demo, unless the user names a configuration file (--config FILE, --config=FILE or AGENTS_CONFIG).
        if (-not $env:AGENTS_CONFIG -and -not ($switches | Where-Object { $_ -eq '--config' -or $_ -like '--config=*' })) {
            $switches = @('--config', 'hocon/demo.conf') + $switches
        }
        Invoke-Dotnet (@('run', '--project', 'src/Agents.Node', '--configuration', $configuration, '--') + $switches)
    }
    default { Get-Content (Join-Path $PSScriptRoot 'build.sh') | Select-Object -Skip 1 -First 12 | ForEach-Object { $_ -replace '^# ?', '' } }
}
