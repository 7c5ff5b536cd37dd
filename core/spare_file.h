// A cache file's spare: the version before the current one, kept beside it (`name.spare`) to be
// written over by the next version, which then swaps places with the current one.
#pragma once

#include <filesystem>
#include <span>
#include <string_view>

namespace digestif {

/// Where the spare of `path` is.
std::filesystem::path spare_of(const std::filesystem::path& path);

/// Puts `pieces` at `path` at once (never half written), over the bytes of its spare: the spare
/// is written, then swapped with the file (renameat2 RENAME_EXCHANGE), and the replaced version
/// is the spare in its turn. ext4 then neither allocates blocks for a new file nor frees the
/// replaced one's, which on a disk mounted with `discard` is trimmed while the process waits
/// (the last process to close it: 12 ms at the end of each build at 10,000 documents, for the
/// caches it replaced). A spare that a process still maps (MappedFile::open holds a shared lock)
/// is not written over: it is set aside and the file written anew. Throws Error when the file
/// cannot be written.
void replace_through_spare(const std::filesystem::path& path,
                           std::span<const std::string_view> pieces);

/// Removes the file and its spare; no error when either is missing.
void remove_with_spare(const std::filesystem::path& path);

/// True for a spare's name.
bool is_spare_name(std::string_view name);
/// The name of the file a spare of this name is the spare of ("x.index" for "x.index.spare").
std::string_view spared_name(std::string_view spare_name);

}  // namespace digestif
