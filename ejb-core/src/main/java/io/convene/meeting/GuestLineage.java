package io.convene.meeting;

/**
 * What tells a guest who comes back from a new one: the id their browser keeps for Convene (a
 * cookie), and the guest ticket of an earlier visit if their page still has it. Either may be null.
 */
public record GuestLineage(String device, String earlierTicket) {

    public static final GuestLineage UNKNOWN = new GuestLineage(null, null);
}
