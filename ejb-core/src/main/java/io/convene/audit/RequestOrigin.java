package io.convene.audit;

import jakarta.enterprise.context.RequestScoped;

/** Where the current HTTP request came from (the web layer fills it in), for the audit trail. */
@RequestScoped
public class RequestOrigin {

    private String address;

    public void from(String address) {
        this.address = address;
    }

    String address() {
        return address;
    }
}
