package nl.verzuimhub.server.register;

import java.util.List;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.server.distribution.DeliveryRepository;
import nl.verzuimhub.server.distribution.PageDeliveries;
import nl.verzuimhub.server.distribution.ScopeFollower;

/**
 * One register page's view of the tables while it is decided in memory: its records ({@link PageRecords}), its
 * pupils' sick reports ({@link SickHistories}) and its deliveries ({@link PageDeliveries}), each as read before the
 * page plus what the page's earlier mutations changed. This is what the scope follower reads and retracts through.
 * Plain class.
 */
final class PageState implements ScopeFollower.Holdings {
    final PageRecords records;
    final SickHistories sickReports;
    final PageDeliveries deliveries;

    PageState(PageRecords records, SickHistories sickReports, PageDeliveries deliveries) {
        this.records = records;
        this.sickReports = sickReports;
        this.deliveries = deliveries;
    }

    @Override
    public List<DeliveryRepository.HeldAt> heldBySubjectWithLocation(String subjectHash) {
        return deliveries.heldBySubject(subjectHash).stream().map(held -> new DeliveryRepository.HeldAt(held,
                records.location(new RecordKey(held.kind(), held.recordId())))).toList();
    }

    @Override
    public List<StoredRecords.Stored> find(RecordKind kind, String recordId) {
        return records.find(kind, recordId);
    }

    @Override
    public boolean retractFor(DeliveryRepository.Held held, int version, String subjectHash, String policyVersion) {
        return deliveries.retractFor(held, version, subjectHash, policyVersion);
    }
}
