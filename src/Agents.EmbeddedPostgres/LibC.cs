using System.Runtime.InteropServices;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// The few POSIX calls .NET has no API for: user lookup, file ownership and signals. Linux only
/// (<c>statx</c> gives the same structure layout on every architecture, unlike <c>stat</c>).
/// </summary>
internal static partial class LibC
{
    public const int SigInt = 2;
    public const int SigQuit = 3;
    public const int SigKill = 9;

    private const int AtFdCwd = -100;
    private const uint StatxUid = 0x8;
    private const uint StatxGid = 0x10;
    private const int StatxUidOffset = 20;
    private const int StatxGidOffset = 24;
    private const int Erange = 34;

    [StructLayout(LayoutKind.Sequential)]
    private struct Passwd
    {
        public nint Name;
        public nint Password;
        public uint Uid;
        public uint Gid;
        public nint Gecos;
        public nint Home;
        public nint Shell;
    }

    /// <summary>The effective user id of this process.</summary>
    public static uint EffectiveUserId() => geteuid();

    /// <summary>The effective group id of this process.</summary>
    public static uint EffectiveGroupId() => getegid();

    /// <summary>The uid and primary gid of a user, or null when no such user exists.</summary>
    public static (uint Uid, uint Gid)? FindUser(string name)
    {
        for (var size = 1024; ; size *= 4)
        {
            var buffer = new byte[size];
            var error = getpwnam_r(name, out var entry, buffer, (nuint)buffer.Length, out var result);
            if (error == Erange && size < 1 << 20)
            {
                continue;
            }

            return error == 0 && result != 0 ? (entry.Uid, entry.Gid) : null;
        }
    }

    /// <summary>The name of a user id, or the number itself when it has no name.</summary>
    public static string UserName(uint uid)
    {
        for (var size = 1024; ; size *= 4)
        {
            // Pinned: the entry's strings point into the buffer and are read after the call returns.
            var buffer = GC.AllocateArray<byte>(size, pinned: true);
            var error = getpwuid_r(uid, out var entry, buffer, (nuint)buffer.Length, out var result);
            if (error == Erange && size < 1 << 20)
            {
                continue;
            }

            return error == 0 && result != 0
                ? Marshal.PtrToStringUTF8(entry.Name) ?? uid.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The owning uid and gid of a file or directory (symbolic links followed).</summary>
    public static (uint Uid, uint Gid) Owner(string path)
    {
        var buffer = new byte[256];
        if (statx(AtFdCwd, path, 0, StatxUid | StatxGid, buffer) != 0)
        {
            throw new IOException($"Cannot read the owner of '{path}': {Marshal.GetLastPInvokeErrorMessage()}");
        }

        return (BitConverter.ToUInt32(buffer, StatxUidOffset), BitConverter.ToUInt32(buffer, StatxGidOffset));
    }

    /// <summary>Gives a file or directory to another owner (only root may).</summary>
    public static void ChangeOwner(string path, uint uid, uint gid)
    {
        if (chown(path, uid, gid) != 0)
        {
            throw new IOException($"Cannot give '{path}' to uid {uid}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    /// <summary>Sends a signal; false when the process no longer exists or may not be signalled.</summary>
    public static bool Signal(int processId, int signal) => kill(processId, signal) == 0;

    [LibraryImport("libc")]
    private static partial uint geteuid();

    [LibraryImport("libc")]
    private static partial uint getegid();

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int getpwnam_r(string name, out Passwd entry, byte[] buffer, nuint size, out nint result);

    [LibraryImport("libc")]
    private static partial int getpwuid_r(uint uid, out Passwd entry, byte[] buffer, nuint size, out nint result);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int directory, string path, int flags, uint mask, byte[] buffer);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int chown(string path, uint uid, uint gid);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int processId, int signal);
}
