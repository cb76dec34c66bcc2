// The keys of patterns/*.re the stages read: what each one is for is said in its pattern file.
#include "rules/contract.hpp"

#include <algorithm>

namespace referat::rules {

const std::vector<KeySpec>& contract() {
    static const std::vector<KeySpec> keys = {
        // Page layout (src/extract) and line repair before segmentation (src/segment).
        {"layout.page_number", "layout.re", true, {}},
        {"layout.not_furniture", "layout.re", true, {}},
        {"layout.toc_heading", "layout.re", true, {}},
        {"layout.toc_entry", "layout.re", true, {}},
        {"layout.list_label", "layout.re", true, {}},
        {"layout.suspended_compound_next", "layout.re", true, {}},
        {"layout.hard_hyphen_prefix", "layout.re", true, {}},
        {"layout.ui_noise", "layout.re", false, {}},
        {"layout.ui_suffix", "layout.re", false, {}},
        {"layout.glued_label", "layout.re", false, {"label", "value"}},
        {"layout.glued_after_date", "layout.re", false, {"next"}},
        {"layout.flat_page", "layout.re", true, {}},
        {"layout.flat_break", "layout.re", true, {}},
        {"layout.flat_drop", "layout.re", false, {}},
        {"layout.label_only", "layout.re", true, {}},
        {"layout.meeting_place", "layout.re", false, {}},

        // Section headings (src/segment); body, date and item are taken where a pattern has them.
        {"section.case_number", "sections.re", true, {}},
        {"section.resume", "sections.re", true, {}},
        {"section.recommendation", "sections.re", true, {}},
        {"section.decision", "sections.re", true, {}},
        {"section.competence", "sections.re", true, {}},
        {"section.orientation", "sections.re", true, {}},
        {"section.case_text", "sections.re", true, {}},
        {"section.history", "sections.re", true, {}},
        {"section.process", "sections.re", true, {}},
        {"section.assessment", "sections.re", true, {}},
        {"section.economy", "sections.re", true, {}},
        {"section.legal", "sections.re", true, {}},
        {"section.attachments", "sections.re", true, {}},
        {"section.other", "sections.re", true, {}},
        {"section.decision_in_item", "sections.re", false, {}},
        {"section.decision_block", "sections.re", false, {}},

        // Items, case numbers, quoted decisions and attachments.
        {"item.heading", "structure.re", true, {"number", "title"}},
        {"item.weak_heading", "structure.re", false, {"number", "title"}},
        {"item.number_line", "structure.re", false, {"number"}},
        {"item.system_number", "structure.re", false, {}},
        {"item.bulleted", "structure.re", true, {}},
        {"item.named", "structure.re", true, {}},
        {"item.separator", "structure.re", true, {}},
        {"item.closed_separator", "structure.re", true, {}},
        {"item.closed", "structure.re", true, {}},
        {"item.closed_text", "structure.re", true, {}},
        {"case.unlabelled", "structure.re", true, {}},
        {"case.prefix", "structure.re", true, {}},
        {"quoted.decision", "structure.re", true, {"body", "date", "item"}},
        {"history.entry", "structure.re", true, {"body", "date", "item"}},
        {"history.body", "structure.re", true, {"body"}},
        {"history.date", "structure.re", true, {"date"}},
        {"history.item", "structure.re", true, {"item"}},
        {"body.suffix", "structure.re", true, {}},
        {"body.prefix", "structure.re", true, {}},
        {"body.not_name", "structure.re", true, {}},
        {"body.common", "structure.re", true, {}},
        {"decision.meeting_line", "structure.re", true, {}},
        {"attachment.link_marker", "structure.re", true, {}},
        {"attachment.marker", "structure.re", true, {}},
        {"attachment.number_only", "structure.re", true, {}},
        {"attachment.numbered", "structure.re", true, {}},
        {"attachment.none", "structure.re", true, {}},

        // Fields (src/parse).
        {"date.iso", "parse.re", true, {"y", "m", "d"}},
        {"date.named", "parse.re", true, {"d", "month", "y"}},
        {"date.numeric", "parse.re", true, {"d", "m", "y"}},
        {"meeting.agenda_for", "parse.re", true, {"body", "date"}},
        {"meeting.committee_label", "parse.re", true, {"body"}},
        {"meeting.committee_title", "parse.re", true, {"body"}},
        {"meeting.body_line", "parse.re", true, {"body"}},
        {"meeting.not_date", "parse.re", true, {}},
        {"meeting.date_label", "parse.re", true, {}},
        {"meeting.municipality", "parse.re", true, {"name"}},
        {"meeting.minutes_mark", "parse.re", true, {}},
        {"meeting.minutes_title", "parse.re", true, {}},
        {"meeting.agenda_mark", "parse.re", true, {}},
        {"meeting.members_label", "parse.re", true, {"names"}},
        {"absence.label", "parse.re", true, {"names"}},
        {"absence.sentence", "parse.re", true, {"names", "partial"}},
        {"absence.listed", "parse.re", true, {"names"}},
        {"absence.parenthetical", "parse.re", true, {"names"}},
        {"absence.substitute", "parse.re", true, {"names"}},
        {"absence.substitute_note", "parse.re", true, {"names"}},
        {"absence.substitute_for", "parse.re", true, {"names"}},
        {"absence.member_note", "parse.re", true, {"name", "party"}},
        {"attendance.partial", "parse.re", true, {"names", "note"}},
        {"attendance.history_absent", "parse.re", true, {}},
        {"attendance.present", "parse.re", true, {}},
        {"attendance.present_label", "parse.re", true, {}},
        {"attendance.substitute_present", "parse.re", true, {}},
        {"person.bare", "parse.re", true, {}},
        {"person.name_only", "parse.re", true, {}},
        {"person.entry", "parse.re", true, {"name", "party", "letter"}},
        {"person.name", "parse.re", true, {}},
        {"person.role", "parse.re", true, {}},
        {"person.trailer", "parse.re", true, {}},
        {"person.party_only", "parse.re", false, {}},
        {"person.substitute_entry", "parse.re", true, {}},
        {"person.not_name", "parse.re", true, {}},
        {"person.list_end", "parse.re", true, {}},
        {"recommendation.by", "parse.re", true, {"by", "to", "via"}},
        {"recommendation.to_genitive", "parse.re", true, {"to"}},
        {"recommendation.to_subject", "parse.re", true, {"to"}},
        {"recommendation.generic_body", "parse.re", true, {}},
        {"recommendation.impersonal", "parse.re", true, {}},
        {"list.separator", "parse.re", true, {}},
        {"point.numbered", "parse.re", true, {"n", "text"}},
        {"point.lettered", "parse.re", true, {"text"}},
        {"point.bullet", "parse.re", true, {"text"}},
        {"point.at", "parse.re", true, {}},
        {"point.intro", "parse.re", true, {}},
        // One key per Outcome (model/referat.hpp) but mixed and other, tried in file order.
        {"outcome.rejected", "parse.re", true, {}},
        {"outcome.postponed", "parse.re", true, {}},
        {"outcome.referred", "parse.re", true, {}},
        {"outcome.recommended", "parse.re", true, {}},
        {"outcome.approved", "parse.re", true, {}},
        {"outcome.noted", "parse.re", true, {}},
        {"outcome.discussed", "parse.re", true, {}},
        {"outcome.handled", "parse.re", true, {}},
        {"outcome.phrase", "parse.re", true, {}},
        {"outcome.aside", "parse.re", true, {}},
        {"promise.return", "parse.re", true, {"sentence"}},
        {"votes.for", "parse.re", true, {"for"}},
        {"votes.against", "parse.re", true, {"against"}},
        {"votes.abstained", "parse.re", true, {"abstained"}},
        {"votes.noise", "parse.re", true, {}},
        {"votes.part", "parse.re", true, {}},

        // Case tracking (src/store) and plan documents (src/link).
        {"case.generic_title", "cases.re", true, {}},
        {"case.title_noise", "cases.re", true, {}},
        {"plan.purpose", "plan.re", true, {}},
        {"plan.appendix", "plan.re", true, {}},
    };
    return keys;
}

const KeySpec* key_spec(std::string_view key) {
    const auto& keys = contract();
    const auto it =
        std::find_if(keys.begin(), keys.end(), [&](const KeySpec& k) { return k.key == key; });
    return it == keys.end() ? nullptr : &*it;
}

}  // namespace referat::rules
