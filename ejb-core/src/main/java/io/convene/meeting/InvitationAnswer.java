package io.convene.meeting;

/** What an invitee says to an invitation; the host sees it beside their name. */
public enum InvitationAnswer {
    ACCEPTED, TENTATIVE, DECLINED
}
