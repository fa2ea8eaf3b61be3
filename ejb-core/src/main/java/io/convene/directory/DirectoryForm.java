package io.convene.directory;

import java.util.List;

/**
 * A directory as an administrator writes it. Null settings take the vendor's preset; a null bind
 * password keeps the one stored (it is never shown, so an edit does not have to repeat it).
 */
public record DirectoryForm(String name, DirectoryVendor vendor, DirectorySettings settings, String bindPassword,
                            List<RoleMapping> roleMappings, Boolean enabled, Integer changesEveryMinutes,
                            Integer fullEveryHours) {
}
