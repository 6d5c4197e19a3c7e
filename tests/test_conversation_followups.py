"""Follow-ups resolve to the event, report or programme of the turn before; standalone questions are left alone.
Real model, real Chroma, over a small corpus written here (several projects, reports and clusters that share words,
so that a follow-up searched everywhere finds the wrong one)."""

import pytest
from conftest import ask_in_turn, cited, ingested_documents
from nsss.assistant import Conversation, open_assistant
from nsss.assistant import conversation as talk
from nsss.assistant.question import analyse
from nsss.assistant.types import Turn

DOCS = {
    "rural-roads-programme.md": """# Rural Roads Maintenance Programme

The Rural Roads Maintenance Programme employs 42,000 destitute women to keep earthen roads in repair across 61
districts. It is run by the Local Government Engineering Department with support from the European Union.

Each woman signs a contract for four years and saves part of her wage in a bank account. The project is expected to
end in June 2027, the programme director said at a briefing in Dhaka.
""",
    "coastal-embankment-project.md": """# Coastal Embankment Project

The Coastal Embankment Project repairs 139 polders in the south-west of Bangladesh. The project is due to finish in
December 2025, after the last polder in Khulna is rebuilt.

The project was approved by the Executive Committee of the National Economic Council in 2013. It is financed by a
credit from the World Bank.
""",
    "progress-report-2024.md": """# Annual Progress Report 2024 of the Social Protection Action Plan

The Annual Progress Report 2024 reviews what ministries achieved under the Social Protection Action Plan during the
fiscal year. It was drafted by the Monitoring Cell of the Planning Division.

The report went through review and approval by the Action Plan Steering Group before it was published in March
2025. Part 2 describes the work of the thematic clusters.
""",
    "budget-speech-2023.md": """# Budget speech 2023

Parliament approved the budget for the fiscal year 2023-24 on 26 June 2023. The allocation for social protection was
approved together with the rest of the budget. The finance minister said the approved budget protects the poor.
""",
    "labour-cluster.md": """# Labour and Livelihood Cluster

| Ministry | Role |
|---|---|
| Ministry of Disaster Management and Relief | Coordinator |
| Ministry of Labour and Employment | Member |

The main objectives of the Labour and Livelihood Cluster are to consolidate workfare programmes and to link social
security recipients with the labour market.
""",
    "labour-cluster-article.md": """# Notes on the Labour and Livelihood Cluster, 2025

Coordinated by the Ministry of Disaster Management and Relief, the Labour and Livelihood Cluster brings together the
workfare programmes of several ministries. Its members met four times in 2025.
""",
    "social-allowance-cluster.md": """# Social Allowance Cluster

The Social Allowance Cluster is coordinated by the Ministry of Social Welfare. The main objectives of this cluster are
to consolidate the allowances for older people, widows and persons with disabilities into a single lifecycle system.
""",
    "civil-service-pension.md": """# Civil service pensions

Bangladesh pays the pensions of its former government employees from the annual budget, under a pay-as-you-go
scheme that is not funded in advance. Pension spending is the largest single item of the social security budget.
""",
    "village-census.md": """# Village census for a poverty register

The government has set a target of collecting data from 2.1 crore households of the country for the village census,
to rank every household by its economic status. Enumerators were trained in Rajshahi last week.

The census was launched in 2014 and it will be completed by March 2019, the census director said, adding that data
will be collected from every household in three rounds.
""",
    "pension-launch.md": """# Universal pension launch

The Prime Minister inaugurated the universal pension scheme in Dhaka on 17 August 2023, joining from her office by
video. The principal secretary, Md Rafiqul Karim, moderated the function, and the finance secretary gave the address
of welcome.
""",
    "khulna-fair.md": """# খুলনায় সামাজিক নিরাপত্তা মেলা

খুলনায় তিন দিনের সামাজিক নিরাপত্তা মেলা শুরু হয়েছে। মেলার উদ্বোধনী অনুষ্ঠান সঞ্চালনা করেন জেলা প্রশাসক মো.
হাসানুজ্জামান।
""",
    "rajshahi-fair-2022.md": """# Divisional Social Security Fair 2022, Rajshahi

The Divisional Social Security Fair 2022 was held in Rajshahi on 10-11 March 2022, with stalls from 28 programmes.
The inaugural ceremony was chaired by the Divisional Commissioner, Mr Abdul Mannan.
""",
    "sylhet-fair-2023.md": """# Social Security Fair 2023, Sylhet

The inaugural ceremony of the Sylhet fair was chaired by the Deputy Commissioner, Ms Farhana Yasmin. The inaugural
ceremony opened with a song, and the fair ran for three days in May 2023.
""",
    "hijra-allowance.md": """# হিজড়া জনগোষ্ঠীর জীবনমান উন্নয়ন কর্মসূচি

হিজড়া জনগোষ্ঠীর জীবনমান উন্নয়ন কর্মসূচি ২০১২-১৩ অর্থবছরে সাতটি জেলায় শুরু হয়। এই কর্মসূচির আওতায় পঞ্চাশ
বছরের বেশি বয়সী হিজড়াদের প্রতি মাসে ৬০০ টাকা করে বিশেষ ভাতা দেওয়া হয়।
""",
    "fishers-support.md": """# জেলেদের খাদ্য সহায়তা

ইলিশ ধরা নিষিদ্ধ থাকার সময় নিবন্ধিত জেলে পরিবারকে প্রতি মাসে ৪০ কেজি চাল দেওয়া হয়। প্রতি মাসে চাল বিতরণ করে
ইউনিয়ন পরিষদ।
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    """The extractive assistant over the corpus above."""
    return open_assistant(ingested_documents(tmp_path_factory, "followup", DOCS), use_llm=False)


# An elided subject: the question's words name what is asked, not which thing --------------------------------------


def test_the_project_with_nothing_saying_which_is_the_project_of_the_turn_before(assistant):
    """ "When is the project due to finish?" after a question about one programme: that programme's end, though
    another project's document says "due to finish" word for word."""
    _, due = ask_in_turn(
        assistant,
        "How many women does the Rural Roads Maintenance Programme employ?",
        "When is the project due to finish?",
    )

    assert due.followup and cited(due) == {"rural-roads-programme.md"}, due.text
    assert "June 2027" in due.text and "2025" not in due.text


def test_that_before_a_noun_points_back_though_the_question_names_other_things_first(assistant):
    """ "By when are the repairs of that project due to finish?" after a question about the roads programme: the words
    before "that" ("the repairs") are not what it stands for, so the answer is the roads programme's end, though the
    coastal project's document says it repairs polders and is "due to finish" word for word."""
    _, due = ask_in_turn(
        assistant,
        "How many women does the Rural Roads Maintenance Programme employ?",
        "By when are the repairs of that project due to finish?",
    )

    assert due.followup and cited(due) == {"rural-roads-programme.md"}, due.text
    assert "June 2027" in due.text and "2025" not in due.text


def test_a_pronoun_after_its_verb_points_back(assistant):
    """ "Who approved it?": "approved" is the pronoun's verb, not its antecedent."""
    _, approved = ask_in_turn(assistant, "What does the Annual Progress Report 2024 review?", "Who approved it?")

    assert approved.followup and cited(approved) == {"progress-report-2024.md"}, approved.text
    assert "Action Plan Steering Group" in approved.text


def test_a_pronoun_never_stands_for_the_subject_of_its_own_clause(assistant):
    """ "Did the World Bank finance it?" after a question on the roads programme: "it", the object of "finance", is
    not the World Bank, so the question asks about the roads programme, not about whatever the World Bank financed
    (the coastal project's document says "financed by a credit from the World Bank")."""
    _, financed = ask_in_turn(
        assistant, "How many women does the Rural Roads Maintenance Programme employ?", "Did the World Bank finance it?"
    )

    assert financed.followup, financed.text
    assert "coastal-embankment-project.md" not in cited(financed), financed.text


def test_an_earlier_clause_still_names_what_a_pronoun_stands_for(assistant):
    """ "What is X, and who ...s it?" names its own subject in the first clause: it is not read as a follow-up."""
    turns = Conversation(
        (Turn("How many women does the Rural Roads Maintenance Programme employ?", "", "", focus=("rural",)),)
    )
    q = analyse("What is the Coastal Embankment Project, and who finances it?")

    assert not talk.points_back(q)
    assert not talk.plan(q, turns).followup
    assert talk.points_back(analyse("How much money did the Netherlands and GIZ put into it?"))
    assert talk.points_back(analyse("On what exact date was it unveiled?"))
    # "her" before a noun is a possessive, and a possessor in the pronoun's own clause may be what it stands for.
    assert not talk.points_back(analyse("My aunt gets her widow money on bKash. Are there fees?"))
    assert not talk.points_back(analyse("My sister's husband left her. What does the strategy plan for such women?"))
    assert talk.points_back(analyse("Did the minister thank her?"))


def test_the_inaugural_ceremony_is_the_one_of_the_event_of_the_turn_before(assistant):
    """ "the inaugural ceremony" says which part of an event, not which event."""
    _, chair = ask_in_turn(
        assistant, "When was the Rajshahi divisional social security fair held?", "Who chaired the inaugural ceremony?"
    )

    assert chair.followup and cited(chair) == {"rajshahi-fair-2022.md"}, chair.text
    assert "Abdul Mannan" in chair.text


def test_the_opening_asked_about_without_its_noun_is_the_opening_of_the_event_of_the_turn_before(assistant):
    """ "the opening" alone, with no "ceremony" after it, says which part of an event too: the Sylhet fair's report
    names an inaugural ceremony's chair as well, but the conversation is about Rajshahi's."""
    _, chair = ask_in_turn(
        assistant, "When was the Rajshahi divisional social security fair held?", "Who chaired the opening?"
    )

    assert chair.followup and cited(chair) == {"rajshahi-fair-2022.md"}, chair.text
    assert "Abdul Mannan" in chair.text


def test_a_bangla_follow_up_that_names_only_amounts_and_giving_stays_with_its_programme(assistant):
    """ "প্রতি মাসে কত টাকা দেওয়া হয়?" (how much money is given a month?) after a question about the fishers' rice
    support asks about that programme: another programme's monthly allowance is not its answer."""
    _, monthly = ask_in_turn(assistant, "জেলেদের খাদ্য সহায়তা কর্মসূচিতে কত কেজি চাল দেওয়া হয়?", "প্রতি মাসে কত টাকা দেওয়া হয়?")

    assert monthly.followup and monthly.focus, monthly
    assert "hijra-allowance.md" not in cited(monthly) and "৬০০" not in monthly.text, monthly.text


def test_an_answer_from_the_topics_own_document_is_not_vetoed_for_lacking_the_earlier_questions_words(assistant):
    """ "When will they wrap it up?" shares no word with the census's document, so the wider search (the topic's
    words added) finds the answer, in the census's own document: that its sentence lacks "supposed" and "cover" of the
    first question does not make it an answer about something else."""
    _, due = ask_in_turn(
        assistant, "How many households is the village census supposed to cover?", "When will they wrap it up?"
    )

    assert due.followup and cited(due) == {"village-census.md"}, due.text
    assert "March 2019" in due.text


def test_a_bangla_follow_up_about_the_event_answers_from_its_english_report(assistant):
    """ "অনুষ্ঠানটি কে সঞ্চালনা করেন?" (who moderated the event?) after a Bangla question about the pension launch: "the
    event" points back, "moderated the function" in the English report answers it, and the Bangla report of another
    event's moderator does not."""
    _, moderator = ask_in_turn(assistant, "সর্বজনীন পেনশন স্কিম কবে উদ্বোধন করা হয়?", "অনুষ্ঠানটি কে সঞ্চালনা করেন?")

    assert moderator.followup and cited(moderator) == {"pension-launch.md"}, moderator.text
    assert "Rafiqul Karim" in moderator.text


def test_a_bangla_follow_up_asking_for_the_welcome_speech_stays_with_its_event(assistant):
    """ "আর স্বাগত বক্তব্য কে দেন?" (and who gave the welcome speech?) after a Bangla question about the pension
    launch names only what is asked of the event: the English report's "gave the address of welcome" answers it."""
    _, welcome = ask_in_turn(assistant, "সর্বজনীন পেনশন স্কিম কবে উদ্বোধন করা হয়?", "আর স্বাগত বক্তব্য কে দেন?")

    assert welcome.followup and cited(welcome) == {"pension-launch.md"}, welcome.text
    assert "finance secretary" in welcome.text


def test_a_bangla_follow_up_typed_as_spoken_stays_with_its_event(assistant):
    """ "অনুষ্ঠানে স্বাগত বক্তব্য কে দিছিলেন?" (who gave the welcome speech at the event?, "দিছিলেন" as it is spoken)
    after a Bangla question about the pension launch: the verb names no subject, so the launch's report answers."""
    _, welcome = ask_in_turn(assistant, "সর্বজনীন পেনশন স্কিম কবে উদ্বোধন করা হয়?", "অনুষ্ঠানে স্বাগত বক্তব্য কে দিছিলেন?")

    assert welcome.followup and cited(welcome) == {"pension-launch.md"}, welcome.text
    assert "finance secretary" in welcome.text


@pytest.mark.parametrize(
    "follow_up",
    [
        "এইটা কে উদ্বোধন করছিল?",  # who opened this one? ("this one" as people type it)
        "উনি কোথা থেকে উদ্বোধন করছিলেন?",  # where did she open it from? (the respectful "she")
        "সচিব সাহেব এই নিয়া কী করছিলেন?",  # what did the secretary do about this?
    ],
)
def test_a_bangla_follow_up_pointing_back_as_people_type_it_stays_with_its_event(assistant, follow_up):
    """A Bangla follow-up that points back with a word of everyday or regional speech ("এইটা", "উনি", "এই নিয়া": this
    one, she, about this) is a follow-up, answered from the pension launch's report, though its other words name no
    more of the launch than a standalone question would."""
    _, later = ask_in_turn(assistant, "সর্বজনীন পেনশন স্কিম কবে উদ্বোধন করা হয়?", follow_up)

    assert later.followup and cited(later) == {"pension-launch.md"}, later.text


def test_a_bangla_follow_up_in_regional_speech_stays_with_its_event(assistant):
    """ "সঞ্চালনা করছিল কেডা?" (who moderated it?, with the regional "কেডা" for "who") after a Bangla question about
    the pension launch: "কেডা" is in no list of askings, but no document can be found by it, so it names no subject
    and the launch's report answers, not the Bangla report of another event's moderator."""
    _, moderator = ask_in_turn(assistant, "সর্বজনীন পেনশন স্কিম কবে উদ্বোধন করা হয়?", "সঞ্চালনা করছিল কেডা?")

    assert moderator.followup and cited(moderator) == {"pension-launch.md"}, moderator.text
    assert "Rafiqul Karim" in moderator.text


def test_a_bangla_word_names_a_subject_only_when_the_documents_could_find_it():
    """`findable` holds the question's Bangla terms that the documents hold or the glossary bridges: a spoken verb
    ("পাইত", got) outside it names nothing, so "তখন কয়জন পাইত?" (how many got it then?) follows up; a programme's
    name inside it does name one."""
    chat = Conversation((Turn("বয়স্ক ভাতা কবে চালু হয়?", "", "", focus=("doc",), topic="বয়স্ক ভাতা"),))
    then = analyse("তখন কয়জন পাইত?")
    widows = analyse("বিধবা ভাতা কয়জন পাইত?")

    assert talk.plan(then, chat, findable=frozenset()).followup
    assert not talk.plan(then, chat, findable=frozenset(then.subject)).followup  # were the verb a document's word
    assert not talk.plan(widows, chat, findable=frozenset({"বিধবা", "ভাতা"})).followup


# Where a follow-up is searched --------------------------------------------------------------------------------


def test_a_follow_up_searches_the_document_ranked_first_as_well_as_the_one_cited(assistant):
    """The coordinator was quoted from an article; the cluster's own page, ranked first, holds its objectives: the
    follow-up answers from it alone, not with another cluster's objectives beside it."""
    first, objectives = ask_in_turn(
        assistant, "Which ministry coordinates the Labour and Livelihood Cluster?", "What are its main objectives?"
    )
    assert "Disaster Management and Relief" in first.text

    assert objectives.followup and not objectives.abstained
    assert cited(objectives) == {"labour-cluster.md"}, objectives.text
    assert "consolidate workfare programmes" in objectives.text


def test_what_about_x_that_asks_its_own_question_is_searched_as_it_is(assistant):
    """ "what about the social allowance cluster, who coordinates that one?" asks its own question: the earlier
    one's "main objectives" is not added to it."""
    question = "what about the social allowance cluster, who coordinates that one?"
    _, who = ask_in_turn(assistant, "What are the main objectives of the Labour and Livelihood Cluster?", question)

    # ("that one" is read as "that cluster": eval/RESULTS.md session 34, ON)
    assert who.query == question.replace("that one", "that cluster") and not who.followup
    assert not who.abstained and "Ministry of Social Welfare" in who.citations[0].quote, who.text


# Standalone questions stay standalone ------------------------------------------------------------------------


def test_and_in_another_year_asks_the_earlier_question_of_that_year(assistant):
    """ "And in 2023?" after "Who chaired the inaugural ceremony of the 2022 fair?": 2023's chair."""
    first, again = ask_in_turn(
        assistant, "Who chaired the inaugural ceremony of the divisional social security fair in 2022?", "And in 2023?"
    )
    assert "Abdul Mannan" in first.text

    assert cited(again) == {"sylhet-fair-2023.md"} and "Farhana Yasmin" in again.text, again.text
    assert "2023" in again.query and "inaugural ceremony" in again.query


@pytest.mark.parametrize(
    "question",
    [
        "How are the pensions of former government employees financed?",
        "Is the pension of former government employees funded in advance?",
    ],
)
def test_former_as_an_adjective_does_not_point_back(assistant, question):
    alone = assistant.answer(question)
    _, after = ask_in_turn(assistant, "Who coordinates the Social Allowance Cluster?", question)

    assert not after.followup and after.text == alone.text
    assert cited(after) == {"civil-service-pension.md"}, after.text


@pytest.mark.parametrize(
    ("question", "follows"),
    [
        ("Is the monthly child benefit the same amount as the maternity allowance?", False),
        ("Who were the former members of the cluster committee in Khulna?", False),
        ("Did the workshop suggest adjusting NSSS policies to conditions on the ground?", False),
        ("When was the meeting held?", True),
        ("Was it the same?", True),
        ("Who chaired the latter?", True),
        ("who gets it?", True),
        ("Which donors supported it?", True),
        ("who sits on the committee that oversees it?", True),
        ("Which ministry runs the EGPP and who funds it?", False),
        ("And in 2019?", False),
        ("অনুষ্ঠানটি কে সঞ্চালনা করেন?", True),
        ("এই কর্মসূচিতে কতজন উপকারভোগী?", True),
        ("খুলনার মেলাটি কবে শুরু হয়?", False),
        ("Which one is for people working abroad?", True),
        ("Which one of the five clusters covers insurance?", False),
        ("How many took part in 2021-22 and what did it cost that year?", True),
        ("How many took part in the 2021-22 EGPP?", False),
        ("কোনটি প্রবাসীদের জন্য?", True),
        # a clause after the noun says which one: "the committee working to...", "the budget that raised..."
        ("Who heads the committee working to introduce the dynamic social registry?", False),
        ("Who chairs the body set up to oversee the single registry?", False),
        ("In the budget that raised the old age allowance to Tk 600, what did the widow allowance get?", False),
        ("who was in the chair at that ceremony?", True),
        ("What did the meeting that followed decide?", True),
        # "there" is where the thing the question names met, not a place of an earlier turn
        ("When did the GRS Technical Committee first meet, and what did it decide there?", False),
        ("What was decided there?", True),
        # "this" before a name says which one
        ("What is this 'dynamic social registry' I keep hearing about?", False),
        ("When did this Mujib Borsho scheme start?", False),
        ("Who chaired this workshop?", True),
        # "it" and "that" of "is it true that...", and a Bangla correlative after যে, stand for nothing earlier
        ("Is it true that the Cabinet approved the NSSS on 1 June 2015?", False),
        ("Is it the case that the allowance was raised to Tk 600 in 2023?", False),
        ("গর্ভবতী মায়েদের যে ভাতা (মা ও শিশু সহায়তা কর্মসূচি), সেখানে মাসে কত টাকা দেওয়া হয়?", False),
        ("Was it held in Dhaka?", True),
        ("Is that true?", True),
        ("সেখানে কে সভাপতিত্ব করেন?", True),
        # "that", "these" before a noun the question has not named points back, whatever else it named before
        ("How long does the current phase of that support last?", True),
        ("Why was a review thought to be timely at that point?", True),
        ("Which districts were covered in the first round of those payments?", True),
        ("এতে কয়টি থিমেটিক ক্লাস্টার আর কয়টি মন্ত্রণালয়ের কর্মপরিকল্পনা আছে?", True),
        ("আর এখন মাসে কত টাকা করে দেয়?", True),
        # Bangla words for what is asked (the keynote, a welcome speech, a plan) and Bangla verbs name no subject
        ("আর কি-নোট উপস্থাপন করেছিলেন কে?", True),
        ("আর স্বাগত বক্তব্য কে রাখবেন?", True),
        ("কতজন পাচ্ছেন, আর কতজনকে আনার পরিকল্পনা?", True),
        ("বয়স্ক ভাতা কতজন পাচ্ছেন?", False),
        # ... in the forms people type ("দিছিলেন", "করছিলেন"), with the kinds of body ("কমিটির"), and "which
        # allowances ... under it" (what "কোন কোন" asks is no antecedent of "এর")
        ("কি-নোট প্রেজেন্টেশন কে দিছিলেন?", True),
        ("কমিটির মূল কাজগুলো কী কী?", True),
        ("বাকি সদস্য কারা?", True),
        ("কোন কোন ভাতা এর আওতায় আনা হবে?", True),
        ("বিধবা ভাতা কারা পাবেন?", False),
        # ... and a pointer with its case ending ("এইটার", of this one; "হেইডাতে", in that one), or after the verb
        # ("এখন কতজন পায় এইটা?"), or "এই" before a noun that is not a time ("এই ভাতায়", in this allowance)
        ("এইটার উদ্বোধন করছে কেডা?", True),
        ("হেইডাতে মাসে কত ট্যাকা জমা দেওন লাগে?", True),
        ("এখন কতজন পায় এইটা?", True),
        ("এই ভাতায় সমস্যা কী কী?", True),
        ("এই বছর বিধবা ভাতা কারা পাবেন?", False),
        # a Bangla pointer is a whole word: not "তার" of "তারিখে" (on the date), "ভাতার" (the allowance's)
        ("কোন তারিখে মন্ত্রিসভা জিইডিকে এনএসএসএস প্রণয়নের দায়িত্ব দেয়?", False),
        ("বয়স্ক ভাতার টাকা কোন মোবাইল সেবায় দেওয়া হয়?", False),
        # a Bangla word for a thing stands for no word of its own clause, only for one of an earlier clause, a
        # verb of condition ending one ("পাইলে", if they get)
        ("কোন দেশ বা সংস্থা এইটাতে সাহায্য করতেছে?", True),
        ("২০২০ সালে এটা কত ছিল?", True),
        ("শুনলাম অনলাইনে ভাতার আবেদন করা যাবে, এইটা কোন ব্যবস্থা?", False),
        ("মায়েরা উপবৃত্তির টাকা পাইলে সেটা কোথা থেকে তুলতে পারে?", False),
        # a year names no subject; another figure does
        ("২০২৩-২৪ অর্থবছরে মাসে কত দেয়, আর কতজন পান?", True),
        ("How much was paid a month in FY 2023-24?", True),
        ("Who chaired the 2019 fair?", False),
        ("How many people get Tk 500 a month?", False),
        # the part of an event asked about, "anything", and the verbs of asking about a programme name no subject
        ("Who was chief guest, and who chaired the opening?", True),
        ("Who is covered, and for what kind of events?", True),
        ("How often are wages paid, and is anything held back?", True),
        ("Who is covered by the Employment Injury Scheme?", False),
        ("When did the EGPP start?", False),
        ("উপবৃত্তির টাকা কীভাবে দেওয়া হইছে?", False),
        ("জেলেদের কত কেজি চাল দেওয়া হয়?", False),
        # ... but not a relative "that" after its noun, "that" standing for the question's own first part, a time
        ("Who chaired the NSSS Action Plan Sub-Committee that prepared the 2016-2021 Action Plan?", False),
        ("How many mothers did the ISPP support, and how does that compare with the MCBP?", False),
        ("What's the weather forecast for Sylhet this weekend?", False),
        # ... nor "that" before a kind of event or programme and the words that say which one: what it is called,
        # what it was about, who led it (a time says not which: "that workshop on Tuesday")
        ("Who organised that online discussion called 'Future of G2P in Bangladesh'?", False),
        ("Who chaired that high-level policy dialogue on getting ministries to work together?", False),
        ("How many women did that cash-for-care scheme for poor pregnant women help?", False),
        ("Who spoke at that workshop on Tuesday?", True),
        ("What did that report say about women?", True),
        ("What support does the EGPP give, and who pays for that support?", False),
    ],
)
def test_which_questions_follow_up_the_turn_before(question, follows):
    """A name, an acronym or a figure says which workshop; "the same ... as" compares within the question."""
    chat = Conversation((Turn("Who coordinates the cluster?", "", "", focus=("doc",), topic="cluster"),))

    assert talk.plan(analyse(question), chat).followup is follows


def test_is_it_true_that_after_unrelated_turns_is_asked_as_it_is(assistant):
    """A journalist checking a claim in the middle of a chat about something else: "it" and "that" point at nothing
    earlier, so the question is searched as asked and answered from the document that holds the claim."""
    _, claim = ask_in_turn(
        assistant,
        "How many polders does the Coastal Embankment Project repair?",
        "Is it true that the village census was launched in 2014?",
    )

    assert not claim.followup and cited(claim) == {"village-census.md"}, claim.text
    assert "2014" in claim.text
