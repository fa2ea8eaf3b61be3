package io.convene.directory;

import java.util.List;

/** A group as the directory has it: its members (DNs or user names) and the groups it is in. */
public record DirectoryGroup(String dn, String name, List<String> members, List<String> memberOf) {
}
