package io.convene.integration.camel;

/** Headers the gateways and the provider routes hand each other. */
final class RouteHeaders {

    /** The connection to call ({@code Announcement.Target}), its secret opened for this one call. */
    static final String TARGET = "conveneTarget";

    /** What the provider answered to a check, in words. */
    static final String CHECKED = "conveneChecked";

    private RouteHeaders() {
    }
}
