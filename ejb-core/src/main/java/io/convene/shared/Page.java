package io.convene.shared;

import java.util.List;

/** One page of a longer list: the items, where the page starts and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
