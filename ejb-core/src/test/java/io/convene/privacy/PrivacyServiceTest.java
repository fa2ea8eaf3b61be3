package io.convene.privacy;

import static io.convene.privacy.PrivacyWorld.NOW;
import static io.convene.privacy.PrivacyWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.audit.InMemoryAuditRepository.Audited;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import io.convene.user.UserStatus;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Exports, erasures and legal holds: who may ask, what each request goes through, what is erased and audited. */
class PrivacyServiceTest {

    private final PrivacyWorld world = new PrivacyWorld();
    private final PrivacyService service = world.service;

    private final User ann = world.person("ann");
    private final User bob = world.person("bob");
    private final User olga = world.person("olga");
    private final User ada = world.person("ada");
    private final Caller annAsks = callerOf(ann, Caller.PARTICIPANT);
    private final Caller officer = callerOf(olga, Caller.COMPLIANCE_OFFICER);
    private final Caller admin = callerOf(ada, Caller.ADMIN);

    @Test
    void anyoneAsksForAnExportOfTheirOwnDataWhichIsQueuedAnnouncedAndAudited() {
        PrivacyRequestView view = service.requestExport(annAsks, null);

        assertThat(view.kind()).isEqualTo(PrivacyRequest.Kind.EXPORT);
        assertThat(view.state()).isEqualTo(PrivacyRequest.State.QUEUED);
        assertThat(view.subjectId()).isEqualTo(ann.id());
        assertThat(view.requestedBy()).isEqualTo(ann.id());
        assertThat(view.requestedAt()).isEqualTo(NOW);
        assertThat(world.requests.all()).extracting(PrivacyRequest::id).containsExactly(view.id());
        assertThat(world.queued.fired()).containsExactly(new PrivacyService.ExportQueued(view.id()));
        assertThat(world.audited()).containsExactly(
                new Audited(ann.id(), "privacy.export-requested", "user:" + ann.id(), null));
        assertThat(service.myExports(annAsks)).extracting(PrivacyRequestView::id).containsExactly(view.id());
    }

    @Test
    void onlyComplianceOfficersAskForSomeoneElsesExport() {
        assertThatThrownBy(() -> service.requestExport(annAsks, bob.id()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only compliance officers act on other people's data");
        assertThatThrownBy(() -> service.requestExport(admin, bob.id()))
                .as("not even administrators").isInstanceOf(AccessDeniedException.class);
        assertThat(world.requests.all()).isEmpty();
        assertThat(world.queued.fired()).isEmpty();

        PrivacyRequestView view = service.requestExport(officer, bob.id());

        assertThat(view.subjectId()).isEqualTo(bob.id());
        assertThat(view.requestedBy()).isEqualTo(olga.id());
        assertThat(service.myExports(callerOf(bob))).as("it is bob's data").extracting(PrivacyRequestView::id)
                .containsExactly(view.id());
        assertThat(service.myExports(officer)).isEmpty();
        assertThatThrownBy(() -> service.requestExport(officer, UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such user");
    }

    @Test
    void aDeactivatedAccountAsksForNothing() {
        ann.deactivate();

        assertThatThrownBy(() -> service.requestExport(annAsks, null)).isInstanceOf(AccountDeactivatedException.class);
        assertThat(world.requests.all()).isEmpty();
    }

    @Test
    void aRequestIsShownToWhoAskedToWhomItConcernsAndToComplianceOfficersOnly() {
        PrivacyRequestView asked = service.requestExport(officer, ann.id());

        assertThat(service.request(officer, asked.id()).subjectId()).isEqualTo(ann.id());
        assertThat(service.request(annAsks, asked.id()).id()).isEqualTo(asked.id());
        assertThat(service.request(callerOf(world.person("cid"), Caller.COMPLIANCE_OFFICER), asked.id()).id())
                .isEqualTo(asked.id());
        assertThatThrownBy(() -> service.request(callerOf(bob), asked.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such request");
        assertThatThrownBy(() -> service.request(admin, asked.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.request(annAsks, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anExportIsDownloadedForADayOnceMadeAndEachDownloadIsAudited() throws Exception {
        world.chat.add(ann.id(), "hello all", NOW.minus(Duration.ofDays(3)));
        PrivacyRequestView asked = service.requestExport(annAsks, null);
        assertThatThrownBy(() -> service.download(annAsks, asked.id()))
                .isInstanceOf(ConflictException.class).hasMessage("The export is not ready yet");

        world.exports.run(asked.id());
        PrivacyService.Download download = service.download(annAsks, asked.id());

        assertThat(download.fileName()).isEqualTo("convene-data-" + ann.id() + ".zip");
        assertThat(download.size()).isEqualTo(service.request(annAsks, asked.id()).sizeBytes()).isPositive();
        assertThat(entriesOf(download.content())).contains("chat-messages.json", "notifications.json", "index.html");
        assertThat(world.audited()).last().isEqualTo(new Audited(ann.id(), "privacy.export-downloaded",
                "user:" + ann.id(), "request " + asked.id()));

        world.clock.advance(Duration.ofHours(24));
        assertThatThrownBy(() -> service.download(annAsks, asked.id())).isInstanceOf(ConflictException.class)
                .hasMessage("The export's file is gone (a day after it was made, or with its person's erasure)");
        assertThat(world.audited()).filteredOn(a -> a.action().equals("privacy.export-downloaded")).hasSize(1);
    }

    @Test
    void anErasedPersonHasNothingToExport() {
        service.erase(officer, ann.id());

        assertThatThrownBy(() -> service.requestExport(officer, ann.id()))
                .isInstanceOf(ConflictException.class).hasMessage("This person's data was erased; there is nothing to export");
        assertThat(world.requests.all()).extracting(PrivacyRequest::kind).containsExactly(PrivacyRequest.Kind.ERASURE);
    }

    @Test
    void anErasureGoesThroughEveryKeeperAndLeavesAPseudonymAndACertificate() {
        world.chat.addWithFile(ann.id(), "see the plan", NOW.minus(Duration.ofDays(2)), "blob-plan");
        world.chat.add(ann.id(), "thanks", NOW.minus(Duration.ofDays(1)));
        world.chat.add(bob.id(), "welcome", NOW.minus(Duration.ofDays(1)));
        world.notifications.add(ann.id(), "Meeting moved", NOW.minus(Duration.ofDays(1)));
        UUID annId = ann.id();

        PrivacyRequestView view = service.erase(officer, annId);

        assertThat(world.calls).as("every keeper names the texts before any erases").containsExactly(
                "notifications collect", "chat-messages collect", "notifications erase", "chat-messages erase");
        assertThat(world.chat.textsOf(annId)).isEmpty();
        assertThat(world.chat.textsOf(bob.id())).containsExactly("welcome");
        assertThat(world.notifications.items()).isEmpty();
        assertThat(world.blobs.deleted()).containsExactly("blob-plan");
        assertThat(world.identity.deletedAccounts()).containsExactly("sub-ann");

        User erased = world.users.byId(annId).orElseThrow();
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(erased.subject()).isNull();
        assertThat(erased.name()).isEqualTo("Erased user " + annId.toString().substring(0, 8));

        assertThat(view.kind()).isEqualTo(PrivacyRequest.Kind.ERASURE);
        assertThat(view.state()).isEqualTo(PrivacyRequest.State.DONE);
        assertThat(view.progress()).isEqualTo(100);
        assertThat(view.requestedBy()).isEqualTo(olga.id());
        assertThat(view.finishedAt()).isEqualTo(NOW);
        JsonObject certificate = view.certificate();
        assertThat(certificate.getString("request")).isEqualTo(view.id().toString());
        assertThat(certificate.getString("subject")).isEqualTo(annId.toString());
        assertThat(certificate.getString("erasedAt")).isEqualTo(NOW.toString());
        JsonObject counts = certificate.getJsonObject("erased");
        assertThat(counts.keySet()).as("in the certificate's order").containsExactly("chat-messages", "notifications",
                "profile", "identity-account");
        assertThat(counts.getInt("chat-messages")).isEqualTo(2);
        assertThat(counts.getInt("notifications")).isEqualTo(1);
        assertThat(world.requests.all()).extracting(PrivacyRequest::id).containsExactly(view.id());
        assertThat(world.audited()).containsExactly(
                new Audited(olga.id(), "privacy.erased", "user:" + annId, "request " + view.id()));
        assertThat(service.names(officer, List.of(annId))).containsExactly(Map.entry(annId,
                erased.name() + " <erased-" + annId + "@erased.invalid>"));
    }

    @Test
    void onlyAnotherComplianceOfficerErasesAndOnlyOnce() {
        assertThatThrownBy(() -> service.erase(admin, ann.id()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only compliance officers act on other people's data");
        assertThatThrownBy(() -> service.erase(officer, olga.id())).isInstanceOf(ConflictException.class)
                .hasMessage("Compliance officers do not erase themselves; another officer must");
        assertThatThrownBy(() -> service.erase(officer, UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such user");
        assertThat(world.calls).isEmpty();
        assertThat(olga.isErased()).isFalse();

        service.erase(officer, ann.id());
        world.calls.clear();

        assertThatThrownBy(() -> service.erase(officer, ann.id()))
                .isInstanceOf(ConflictException.class).hasMessage("This person's data was erased already");
        assertThat(world.calls).isEmpty();
        assertThat(world.identity.deletedAccounts()).containsExactly("sub-ann");
        assertThat(world.requests.all()).hasSize(1);
    }

    @Test
    void aLegalHoldRefusesErasureUntilItIsReleased() {
        world.chat.add(ann.id(), "the contract is signed", NOW.minus(Duration.ofDays(1)));
        service.placeHold(officer, ann.id(), "Litigation 2026-17");

        assertThatThrownBy(() -> service.erase(callerOf(world.person("cid"), Caller.COMPLIANCE_OFFICER), ann.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This person's data is on legal hold (Litigation 2026-17); release the hold first");
        assertThat(ann.isErased()).isFalse();
        assertThat(world.chat.textsOf(ann.id())).containsExactly("the contract is signed");
        assertThat(world.calls).isEmpty();
        assertThat(world.identity.deletedAccounts()).isEmpty();
        assertThat(world.requests.all()).isEmpty();
        assertThat(world.audited()).filteredOn(a -> a.action().equals("privacy.erasure-refused"))
                .singleElement().satisfies(a -> assertThat(a.target()).isEqualTo("user:" + ann.id()));

        service.releaseHold(officer, ann.id());
        service.erase(officer, ann.id());

        assertThat(ann.isErased()).isTrue();
        assertThat(world.chat.textsOf(ann.id())).isEmpty();
    }

    @Test
    void aHoldNeedsAReasonReplacesTheOneThereAndIsReleasedOnce() {
        assertThatThrownBy(() -> service.placeHold(officer, ann.id(), "  "))
                .isInstanceOf(InvalidInputException.class).hasMessage("reason: must be 1 to 500 characters");
        assertThatThrownBy(() -> service.placeHold(officer, ann.id(), "x".repeat(501)))
                .isInstanceOf(InvalidInputException.class).hasMessage("reason: must be 1 to 500 characters");
        assertThatThrownBy(() -> service.placeHold(officer, UUID.randomUUID(), "Litigation"))
                .isInstanceOf(NotFoundException.class).hasMessage("No such user");
        assertThatThrownBy(() -> service.placeHold(admin, ann.id(), "Litigation"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(world.holds.all()).isEmpty();

        assertThat(service.placeHold(officer, ann.id(), " Litigation ")).isEqualTo(
                new PrivacyService.LegalHold(ann.id(), "Litigation", olga.id(), NOW));
        world.clock.advance(Duration.ofDays(1));
        service.placeHold(officer, ann.id(), "Litigation and audit");
        service.placeHold(officer, bob.id(), "Audit");

        assertThat(service.holds(officer)).extracting(PrivacyService.LegalHold::userId, PrivacyService.LegalHold::reason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ann.id(), "Litigation and audit"),
                        org.assertj.core.groups.Tuple.tuple(bob.id(), "Audit"));

        service.releaseHold(officer, ann.id());
        assertThatThrownBy(() -> service.releaseHold(officer, ann.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No legal hold on this person");
        assertThat(service.holds(officer)).extracting(PrivacyService.LegalHold::userId).containsExactly(bob.id());
        assertThat(world.audited()).extracting(Audited::action, Audited::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple("privacy.hold-placed", "user:" + ann.id()),
                org.assertj.core.groups.Tuple.tuple("privacy.hold-placed", "user:" + ann.id()),
                org.assertj.core.groups.Tuple.tuple("privacy.hold-placed", "user:" + bob.id()),
                org.assertj.core.groups.Tuple.tuple("privacy.hold-released", "user:" + ann.id()));
    }

    @Test
    void theWorklistIsComplianceOfficersNewestFirstAndNamesAreForThemAndAdministrators() {
        PrivacyRequestView first = service.requestExport(annAsks, null);
        world.clock.advance(Duration.ofMinutes(1));
        PrivacyRequestView second = service.requestExport(officer, bob.id());

        assertThat(service.recent(officer, 50)).extracting(PrivacyRequestView::id).containsExactly(second.id(), first.id());
        assertThat(service.recent(officer, 0)).as("at least one").extracting(PrivacyRequestView::id)
                .containsExactly(second.id());
        assertThatThrownBy(() -> service.recent(admin, 50)).isInstanceOf(AccessDeniedException.class);

        assertThat(service.names(admin, List.of(ann.id(), UUID.randomUUID())))
                .containsExactly(Map.entry(ann.id(), "ann <ann@example.com>"));
        assertThatThrownBy(() -> service.names(annAsks, List.of(bob.id())))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only compliance officers and administrators see who is who");
    }

    private static List<String> entriesOf(InputStream zip) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
