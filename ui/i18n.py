"""Every label, message and help text of the web app, in English and Bangla. Answers keep the documents' language."""

from __future__ import annotations

import re

from nsss.assistant.types import NOTICES

LANGUAGES = {"en": "English", "bn": "বাংলা"}

# key: (English, Bangla). Placeholders in braces are filled by `text`.
STRINGS: dict[str, tuple[str, str]] = {
    "title": ("NSSS Assistant", "এনএসএসএস সহায়ক"),
    "tagline": (
        "Answers from the National Social Security Strategy documents, every statement quoted from its "
        "source. Runs on this computer, offline.",
        "জাতীয় সামাজিক নিরাপত্তা কৌশলের দলিল থেকে উত্তর, প্রতিটি বক্তব্য উৎস থেকে হুবহু উদ্ধৃত। এই কম্পিউটারেই চলে, ইন্টারনেট ছাড়াই।",
    ),
    "language": ("Language", "ভাষা"),
    "loading": ("Loading the documents and the model…", "দলিল ও মডেল খোলা হচ্ছে…"),
    "chip_llm": ("LLM: {llm}", "ভাষা মডেল: {llm}"),
    "chip_model": ("Model: {model}", "মডেল: {model}"),
    "chip_docs": ("{n} documents", "{n}টি দলিল"),
    "llm_none": ("none — extractive answers", "নেই — দলিল থেকে সরাসরি উদ্ধৃত উত্তর"),
    "llm_at": ("{model} at {url}", "{model}, {url}"),
    "default_model": ("default model", "ডিফল্ট মডেল"),
    # tabs
    "tab_chat": ("Chat", "প্রশ্নোত্তর"),
    "tab_library": ("Library", "দলিলসমূহ"),
    "tab_notes": ("Notes", "নোট"),
    "tab_brief": ("Brief", "বিষয়ভিত্তিক সংকলন"),
    "tab_settings": ("Settings", "সেটিংস"),
    # chat
    "placeholder": ("Ask a question about the documents…", "দলিল সম্পর্কে একটি প্রশ্ন লিখুন…"),
    "ask": ("Ask", "জিজ্ঞাসা"),
    "question": ("Question", "প্রশ্ন"),
    "new_chat": ("New chat", "নতুন আলাপ"),
    "try": ("Try:", "উদাহরণ:"),
    "filters": (
        "Filters: answer from some documents, kinds or years only",
        "ছাঁকনি: শুধু নির্দিষ্ট দলিল, ধরন বা বছর থেকে উত্তর",
    ),
    "filters_on": ("Filters on ({n}): {what}", "ছাঁকনি চালু ({n}): {what}"),
    "f_docs": ("Documents", "দলিল"),
    "f_kinds": ("Kind", "ধরন"),
    "f_years": ("Year", "বছর"),
    "in_force": ("Answered only from — {what}", "শুধু এখান থেকে উত্তর — {what}"),
    "chat_empty": (
        "<b>Ask about the NSSS documents.</b><br>Answers quote the documents word for word; every [n] "
        "opens the page it came from. When the documents do not hold the answer, the assistant says so.",
        "<b>এনএসএসএস দলিল সম্পর্কে প্রশ্ন করুন।</b><br>উত্তর দলিল থেকে হুবহু উদ্ধৃত হয়; প্রতিটি [n] "
        "উৎসের পৃষ্ঠা খোলে। দলিলে উত্তর না থাকলে সহায়ক তা জানিয়ে দেয়।",
    ),
    "not_found": ("Not found in the documents", "দলিলে পাওয়া যায়নি"),
    "glossary": ("Terms of the quotes, from the glossary (not quoted)", "উদ্ধৃতির শব্দ, শব্দকোষ থেকে (উদ্ধৃতি নয়)"),
    "not_found_body": ("The documents do not answer this question.", "দলিলগুলোতে এই প্রশ্নের উত্তর নেই।"),
    "not_found_hint": (
        "The nearest passages are listed under Sources; open one to read it in place, or rephrase the question.",
        "সবচেয়ে কাছের অনুচ্ছেদগুলো উৎস অংশে আছে; একটি খুলে পড়ুন, অথবা প্রশ্নটি অন্যভাবে লিখুন।",
    ),
    "off_subject": (
        NOTICES["off_subject"],
        "প্রশ্নটি বাংলাদেশের সামাজিক সুরক্ষা বিষয়ক বলে মনে হচ্ছে না; দলিলগুলো সেই বিষয়েরই।",
    ),
    "llm_failed": (
        NOTICES["llm_failed"],
        "ভাষা মডেল ব্যবহারযোগ্য উত্তর দেয়নি ({detail}); এটি দলিল থেকে উদ্ধৃত উত্তর।",
    ),
    "llm_trimmed": (
        NOTICES["llm_trimmed"],
        "ভাষা মডেলের উত্তরের {detail}টি বাক্য বাদ দেওয়া হয়েছে: অনুচ্ছেদগুলো সেগুলো সমর্থন করে না।",
    ),
    "no_match": ("No document matches these filters", "এই ছাঁকনির সাথে কোনো দলিল মেলে না"),
    "no_match_body": (
        "Nothing was searched: {what}. Change or clear the filters above the chat and ask again.",
        "কিছুই খোঁজা হয়নি: {what}। ছাঁকনি বদলান বা মুছে আবার জিজ্ঞাসা করুন।",
    ),
    "mode_none": ("no answer", "উত্তর নেই"),
    "mode_llm": ("LLM, checked against the documents", "ভাষা মডেলের লেখা, দলিলের সাথে যাচাই করা"),
    "mode_quoted": ("quoted from the documents", "দলিল থেকে হুবহু উদ্ধৃত"),
    "ms": ("{n} ms", "{n} মি.সে."),
    "pin_answer": ("Pin answer to notes", "উত্তরটি নোটে রাখুন"),
    "type_first": ("Type a question first.", "আগে একটি প্রশ্ন লিখুন।"),
    "no_question": ("No question", "প্রশ্ন নেই"),
    "cannot_answer": ("Could not answer", "উত্তর দেওয়া গেল না"),
    "cannot_do": ("Could not do that", "কাজটি করা গেল না"),
    "detail": ("{detail}", "সমস্যা (বিবরণ ইংরেজিতে): {detail}"),
    "went_wrong": (
        "something went wrong ({detail}); the app still works, try again or rephrase",
        "কিছু একটা ভুল হয়েছে ({detail}); অ্যাপটি চলছে, আবার চেষ্টা করুন বা অন্যভাবে লিখুন",
    ),
    "bad_date": (
        "{date} is not a date: write 2024, 2024-03 or 2024-03-15",
        "{date} কোনো তারিখ নয়: 2024, 2024-03 বা 2024-03-15 লিখুন",
    ),
    "empty_title": ("A title cannot be empty.", "শিরোনাম খালি রাখা যায় না।"),
    "gone_answer": ("That answer is no longer in this conversation.", "উত্তরটি এই আলাপে আর নেই।"),
    "not_found_title": ("Not found", "পাওয়া যায়নি"),
    "gone_document": ("“{title}” is no longer in the library", "“{title}” আর দলিলসমূহে নেই"),
    "pinned": ("Pinned to notes ({n} in the Notes tab).", "নোটে রাখা হলো (নোট ট্যাবে {n}টি)।"),
    "pinned_title": ("Pinned", "রাখা হলো"),
    # sources and viewer
    "sources": ("Sources", "উৎস"),
    "sources_for": ("for “{q}”", "“{q}” প্রশ্নের"),
    "sources_empty": (
        "Ask a question: each statement of the answer is quoted from a document, and its source "
        "appears here with the quote highlighted. Click a source or an [n] marker to read it in place.",
        "প্রশ্ন করুন: উত্তরের প্রতিটি বক্তব্য কোনো দলিল থেকে উদ্ধৃত, আর তার উৎস এখানে উদ্ধৃতি চিহ্নিত "
        "করে দেখানো হয়। কোনো উৎস বা [n] চিহ্নে ক্লিক করে মূল জায়গায় পড়ুন।",
    ),
    "nearest": ("Nearest passages:", "সবচেয়ে কাছের অনুচ্ছেদ:"),
    "none_close": ("No passage came close.", "কাছাকাছি কোনো অনুচ্ছেদ নেই।"),
    "open_source": ("Open source", "উৎস খুলুন"),
    "copy_citation": ("Copy citation", "উদ্ধৃতি কপি করুন"),
    "copied": ("Copied ✓", "কপি হয়েছে ✓"),
    "copy_failed": ("Select the text above to copy", "কপি করতে ওপরের লেখাটি বেছে নিন"),
    "pin": ("Pin to notes", "নোটে রাখুন"),
    "open_hint": ("Open in the source viewer", "উৎস দর্শকে খুলুন"),
    "ref_hint": ("Standard citation; select it or use Copy citation", "প্রমিত উদ্ধৃতি; বেছে নিন বা কপি বোতাম চাপুন"),
    "page": ("p. {n}", "পৃ. {n}"),
    "printed": ("(printed {label})", "(ছাপা {label})"),
    "ocr_note": (", text recognised from the image", ", ছবি থেকে পড়া লেখা"),
    "ocr_page": (" · text recognised from the image (OCR)", " · ছবি থেকে পড়া লেখা (OCR)"),
    "viewer": ("Source viewer", "উৎস দর্শক"),
    "viewer_empty": (
        "Click a source or an [n] marker to see the quote in its page.",
        "উদ্ধৃতিটি তার পৃষ্ঠায় দেখতে কোনো উৎস বা [n] চিহ্নে ক্লিক করুন।",
    ),
    "page_of": ("Page {n} of {total}", "পৃষ্ঠা {n} / {total}"),
    "whole": ("Whole document", "পুরো দলিল"),
    "chars": ("Characters {lo}–{hi} of {total}", "অক্ষর {lo}–{hi} (মোট {total})"),
    "as_printed": ("The page as printed", "ছাপা পৃষ্ঠা"),
    "as_text": ("The page's text", "পৃষ্ঠার লেখা"),
    "page_image_alt": ("Page {n} of {title}, the quote highlighted", "{title}-এর {n} নম্বর পৃষ্ঠা, উদ্ধৃতি চিহ্নিত"),
    "no_image": (
        "The PDF file is not on this computer any more, so only its text is shown.",
        "পিডিএফ ফাইলটি এই কম্পিউটারে আর নেই, তাই শুধু লেখা দেখানো হচ্ছে।",
    ),
    # notes
    "notes": ("Notes ({n})", "নোট ({n})"),
    "notes_title": ("Notes", "নোট"),
    "notes_empty": (
        "Nothing pinned yet. Use <b>Pin answer to notes</b> under an answer, or <b>Pin to notes</b> on a "
        "source or a brief, to collect material for a background note. Citations are kept and listed as "
        "references. Notes are saved on this computer and are still here after a reload.",
        "এখনও কিছু রাখা হয়নি। পটভূমি নোটের উপকরণ জমাতে উত্তরের নিচে <b>উত্তরটি নোটে রাখুন</b>, অথবা "
        "উৎস বা সংকলনে <b>নোটে রাখুন</b> চাপুন। উদ্ধৃতি তথ্যসূত্র হিসেবে থাকে। নোট এই কম্পিউটারে "
        "সংরক্ষিত থাকে, পাতা আবার খুললেও হারায় না।",
    ),
    "saved_here": ("Saved on this computer", "এই কম্পিউটারে সংরক্ষিত"),
    "tag_answer": ("Answer", "উত্তর"),
    "tag_passage": ("Passage", "অনুচ্ছেদ"),
    "remove": ("Remove", "সরান"),
    "rename": ("Rename", "নাম বদলান"),
    "rename_prompt": (
        "New heading for this note (leave empty to use its question):",
        "এই নোটের নতুন শিরোনাম (খালি রাখলে প্রশ্নটিই থাকবে):",
    ),
    "up": ("Move up", "ওপরে সরান"),
    "down": ("Move down", "নিচে সরান"),
    "references": ("References", "তথ্যসূত্র"),
    "export_md": ("Export Markdown", "মার্কডাউন হিসেবে নামান"),
    "export_docx": ("Export Word (DOCX)", "ওয়ার্ড (DOCX) হিসেবে নামান"),
    "style": ("Citation style", "উদ্ধৃতির ধরন"),
    "style_author-date": ("Author-date", "প্রকাশক-তারিখ"),
    "style_numbered": ("Numbered", "ক্রমিক"),
    "for_question": ("for", "প্রশ্ন"),
    # exported notes and briefs (Markdown, DOCX); the quoted text and titles stay in their own language
    "export_title": ("Background notes", "পটভূমি নোট"),
    "brief_title": ("Brief: {topic}", "বিষয়ভিত্তিক সংকলন: {topic}"),
    "drafted": ("Drafted with NSSS Assistant, {date}.", "এনএসএসএস সহায়ক দিয়ে খসড়া করা, {date}।"),
    "export_for": ("{what} for:", "{what}, যে প্রশ্নের:"),
    "export_what": ("{what}:", "{what}:"),
    "undated_head": ("Undated", "তারিখ নেই"),
    # references: the words a citation adds to a document's own title, publisher and address
    "ref_page": ("p. {n}", "পৃ. {n}"),
    "ref_printed": (" (printed {label})", " (ছাপা {label})"),
    "ref_ocr": (", text recognised from the image", ", ছবি থেকে পড়া লেখা"),
    "ref_undated": ("n.d.", "তারিখ নেই"),
    "ref_file": ("File {source}", "ফাইল {source}"),
    "months": (
        "January February March April May June July August September October November December",
        "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর",
    ),
    # brief
    "brief_topic": ("Topic", "বিষয়"),
    "brief_placeholder": (
        "A programme, a committee, a reform… e.g. Central Management Committee",
        "একটি কর্মসূচি, কমিটি বা সংস্কার… যেমন Central Management Committee",
    ),
    "brief_go": ("Collect passages", "অনুচ্ছেদ সংগ্রহ করুন"),
    "brief_empty": (
        "Name a topic to collect every passage about it, grouped by document and ordered by date, "
        "oldest first, so you can see how it developed. Pin passages to your notes, or export the brief.",
        "একটি বিষয়ের নাম লিখুন: সেই বিষয়ের সব অনুচ্ছেদ দলিল অনুযায়ী ভাগ করে, পুরোনো থেকে নতুন তারিখের "
        "ক্রমে দেখানো হবে, যাতে বিষয়টি কীভাবে এগিয়েছে তা বোঝা যায়। অনুচ্ছেদ নোটে রাখুন বা সংকলনটি নামান।",
    ),
    "brief_none": ("Nothing in the documents is about “{topic}”.", "দলিলে “{topic}” বিষয়ে কিছু পাওয়া যায়নি।"),
    "brief_head": (
        "“{topic}”: {p} passages from {d} documents, oldest first",
        "“{topic}”: {d}টি দলিল থেকে {p}টি অনুচ্ছেদ, পুরোনো থেকে নতুন",
    ),
    "undated": ("undated", "তারিখ নেই"),
    "name_topic": ("Name a topic first.", "আগে একটি বিষয়ের নাম লিখুন।"),
    "no_topic": ("No topic", "বিষয় নেই"),
    # library
    "library_head": ("{n} documents · {m} passages", "{n}টি দলিল · {m}টি অনুচ্ছেদ"),
    "library_empty": (
        "The library is empty. Add documents with the panel on the right.",
        "কোনো দলিল নেই। ডান পাশের অংশ দিয়ে দলিল যোগ করুন।",
    ),
    "col_title": ("Title", "শিরোনাম"),
    "col_kind": ("Kind", "ধরন"),
    "col_date": ("Date", "তারিখ"),
    "col_publisher": ("Publisher", "প্রকাশক"),
    "col_pages": ("Pages", "পৃষ্ঠা"),
    "col_chunks": ("Chunks", "অংশ"),
    "col_file": ("File", "ফাইল"),
    "edit": ("Edit", "সম্পাদনা"),
    "delete": ("Delete", "মুছুন"),
    "delete_confirm": (
        "Delete “{title}” from the library? Its passages will no longer be used for answers.",
        "“{title}” দলিলটি মুছবেন? এর অনুচ্ছেদ আর উত্তরে ব্যবহার হবে না।",
    ),
    "upload": (
        "Add documents: PDF, Word (.docx), Markdown, text, HTML",
        "দলিল যোগ করুন: পিডিএফ, ওয়ার্ড (.docx), মার্কডাউন, লেখা, এইচটিএমএল",
    ),
    "drop": ("Drop files here, or click to choose", "ফাইল এখানে ছেড়ে দিন, অথবা ক্লিক করে বেছে নিন"),
    "add": ("Add to library", "দলিলসমূহে যোগ করুন"),
    "choose_files": ("Choose one or more files first.", "আগে এক বা একাধিক ফাইল বেছে নিন।"),
    "no_files": ("No files", "ফাইল নেই"),
    "login": (
        "NSSS Assistant: please log in. After three wrong passwords, each further try from your computer must "
        "wait longer (1 s, 2 s, 4 s... up to 5 minutes).",
        "এনএসএসএস সহায়ক: অনুগ্রহ করে প্রবেশ করুন। তিনবার ভুল পাসওয়ার্ডের পর আপনার কম্পিউটার থেকে প্রতিটি "
        "নতুন চেষ্টার আগে আরও বেশি অপেক্ষা করতে হবে (১, ২, ৪ সেকেন্ড… সর্বোচ্চ ৫ মিনিট)।",
    ),
    "reading": ("Reading files…", "ফাইল পড়া হচ্ছে…"),
    "indexed_one": ("Indexed {source}", "{source} যুক্ত হলো"),
    "deleted": ("Deleted “{title}” ({source}) from the library.", "“{title}” ({source}) মুছে ফেলা হলো।"),
    "gone": ("That document is no longer in the library.", "দলিলটি আর নেই।"),
    "edit_head": ("Correct a document's details", "দলিলের তথ্য সংশোধন"),
    "edit_doc": ("Document", "দলিল"),
    "edit_title": ("Title", "শিরোনাম"),
    "edit_kind": ("Kind", "ধরন"),
    "edit_date": ("Date (2024, 2024-03 or 2024-03-15)", "তারিখ (2024, 2024-03 বা 2024-03-15)"),
    "edit_publisher": ("Publisher or source", "প্রকাশক বা উৎস"),
    "edit_save": ("Save details", "তথ্য সংরক্ষণ"),
    "edit_saved": (
        "Saved the details of “{title}”; they are kept when the file is ingested again.",
        "“{title}”-এর তথ্য সংরক্ষিত হলো; ফাইলটি আবার যোগ করলেও তা থাকবে।",
    ),
    "edit_pick": (
        "Pick a document to correct first (or press Edit in its row).",
        "আগে সংশোধনের জন্য একটি দলিল বেছে নিন (বা তার সারিতে সম্পাদনা চাপুন)।",
    ),
    "up_indexed": ("{name}: indexed, ready for questions", "{name}: যুক্ত হয়েছে, প্রশ্নের জন্য প্রস্তুত"),
    "up_unchanged": ("{name}: unchanged (already in the library)", "{name}: অপরিবর্তিত (আগেই আছে)"),
    "up_summary": (
        "{added} added, {updated} updated, {unchanged} unchanged, {failed} failed — {documents} documents "
        "in the library.",
        "{added}টি যোগ, {updated}টি হালনাগাদ, {unchanged}টি অপরিবর্তিত, {failed}টি ব্যর্থ — মোট {documents}টি দলিল।",
    ),
    # settings
    "set_llm": ("LLM", "ভাষা মডেল"),
    "set_store": ("Store", "সংরক্ষণাগার"),
    "set_model": ("Embedding model", "এমবেডিং মডেল"),
    "set_docs": ("Documents", "দলিল"),
    "set_chunks": ("Passages (chunks)", "অনুচ্ছেদ (অংশ)"),
    "set_uploads": ("Uploads folder", "আপলোড ফোল্ডার"),
    "settings_help": (
        """
Settings are read from `NSSS_*` environment variables or `~/.config/nsss/config.toml`, and take effect when
`nsss serve` starts:

| Setting | Variable | What it does |
|---|---|---|
| store | `NSSS_STORE` | the folder the documents and their index are kept in |
| LLM | `NSSS_LLM_URL`, `NSSS_LLM_MODEL`, `NSSS_LLM_API_KEY` | an OpenAI-compatible server (Ollama, llama.cpp, vLLM…); without one, answers quote the documents directly |
| login | `NSSS_AUTH` | `user:password` to require a login; each login keeps its own notes |
| uploads | `NSSS_MAX_FILE_MB` | the largest file accepted |
| language | `NSSS_LANGUAGE` | `en` or `bn`: the language the app opens in |
| citations | `NSSS_CITATION_STYLE` | `author-date` or `numbered` |
""",
        """
সেটিংস `NSSS_*` পরিবেশ চলক বা `~/.config/nsss/config.toml` ফাইল থেকে পড়া হয়, আর `nsss serve` চালু হওয়ার সময় কার্যকর হয়:

| সেটিং | চলক | কাজ |
|---|---|---|
| সংরক্ষণাগার | `NSSS_STORE` | যে ফোল্ডারে দলিল ও তাদের সূচি রাখা হয় |
| ভাষা মডেল | `NSSS_LLM_URL`, `NSSS_LLM_MODEL`, `NSSS_LLM_API_KEY` | ওপেনএআই-সামঞ্জস্যপূর্ণ সার্ভার; না থাকলে উত্তর সরাসরি দলিল থেকে উদ্ধৃত হয় |
| প্রবেশ | `NSSS_AUTH` | প্রবেশের জন্য `ব্যবহারকারী:পাসওয়ার্ড`; প্রত্যেকের নোট আলাদা থাকে |
| আপলোড | `NSSS_MAX_FILE_MB` | গ্রহণযোগ্য সবচেয়ে বড় ফাইল |
| ভাষা | `NSSS_LANGUAGE` | `en` বা `bn`: অ্যাপ যে ভাষায় খোলে |
| উদ্ধৃতি | `NSSS_CITATION_STYLE` | `author-date` বা `numbered` |
""",
    ),
}


def text(lang: str, key: str, **values) -> str:
    """Return a string in the language asked for (English when unknown), with its placeholders filled."""
    en, bn = STRINGS[key]
    chosen = bn if lang == "bn" else en
    return chosen.format(**values) if values else chosen


# The kinds ingestion gives documents (ingest.load.KIND_WORDS); a kind a person typed is shown as typed.
KINDS = {
    "document": "দলিল",
    "strategy": "কৌশলপত্র",
    "workshop": "কর্মশালা",
    "dialogue": "সংলাপ",
    "meeting minutes": "সভার কার্যবিবরণী",
    "progress report": "অগ্রগতি প্রতিবেদন",
    "conference": "সম্মেলন",
    "action plan": "কর্মপরিকল্পনা",
    "evaluation": "মূল্যায়ন",
}


def kind_name(lang: str, kind: str) -> str:
    """Name a document's kind in the interface's language."""
    return KINDS.get(kind, kind) if lang == "bn" else kind


def digits(lang: str, value: object) -> str:
    """Write a number with Bangla digits in the Bangla interface."""
    shown = str(value)
    return shown.translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")) if lang == "bn" else shown


def reference_words(lang: str):
    """Return the words references are written with in the interface language (assistant.references.Words)."""
    from nsss.assistant.references import Words

    return Words(
        page=text(lang, "ref_page"),
        printed=text(lang, "ref_printed"),
        ocr=text(lang, "ref_ocr"),
        undated=text(lang, "ref_undated"),
        file=text(lang, "ref_file"),
        months=tuple(text(lang, "months").split()),
        numerals="০১২৩৪৫৬৭৮৯" if lang == "bn" else "0123456789",
    )


# Why a file, a question or the store was refused, as ingestion, uploads and the store say it (in English, for the
# CLI and the logs), and in Bangla. Names of files, settings and commands, and what a system library said, stay.
_N = r"[\d,.]+"
REASONS: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(pattern), bangla)
    for pattern, bangla in (
        (
            r"(?:a file|files) without an extension is not a supported type \(supported: (?P<kinds>.+)\)",
            "এক্সটেনশন ছাড়া ফাইল নেওয়া যায় না (যা নেওয়া যায়: {kinds})",
        ),
        (
            r"(?P<suffix>\S+) is not a supported type \(supported: (?P<kinds>.+)\)",
            "{suffix} ধরনের ফাইল নেওয়া যায় না (যা নেওয়া যায়: {kinds})",
        ),
        (r"could not be received \((?P<why>.*)\)", "গ্রহণ করা যায়নি ({why})"),
        (r"is empty", "ফাইলটি খালি"),
        (
            rf"is (?P<size>{_N}) MB, over the (?P<limit>{_N}) MB limit \(raise (?P<var>\w+) to ingest it\)",
            "ফাইলটি {size} MB, সীমা ({limit} MB) ছাড়িয়ে গেছে (যোগ করতে {var} বাড়ান)",
        ),
        (
            rf"is (?P<size>{_N}) MB, over the (?P<limit>{_N}) MB limit",
            "ফাইলটি {size} MB, সীমা ({limit} MB) ছাড়িয়ে গেছে",
        ),
        (r"has a name that is not allowed", "এই নামের ফাইল নেওয়া যায় না"),
        (
            r"a different document named (?P<name>.+) is already in the library; this one is added as (?P<kept>.+) "
            r"\(delete the old one in the library to replace it\)",
            "{name} নামে অন্য একটি দলিল আগে থেকেই আছে; এটি {kept} নামে যোগ হলো (বদলাতে চাইলে পুরোনোটি দলিলসমূহ থেকে মুছুন)",
        ),
        (r"has no text to index", "এতে খোঁজার মতো কোনো লেখা নেই"),
        (r"is not a regular file", "এটি সাধারণ ফাইল নয়"),
        (r"is a symbolic link loop", "এটি একটি প্রতীকী লিংকের চক্র"),
        (
            r"cannot be read: permission denied \(give your user read access to it\)",
            "পড়া যায় না: অনুমতি নেই (আপনার ব্যবহারকারীকে ফাইলটি পড়ার অনুমতি দিন)",
        ),
        (r"does not exist \(a broken link\?\)", "ফাইলটি নেই (ভাঙা লিংক?)"),
        (r"cannot be read: (?P<why>.+)", "পড়া যায় না: {why}"),
        (
            r"is named \.pdf but is not a PDF \(it starts with (?P<start>.*)\)",
            "নাম .pdf, কিন্তু এটি পিডিএফ নয় (শুরুতে আছে {start})",
        ),
        (
            r"is password-protected; save an unprotected copy and ingest that",
            "পাসওয়ার্ড দিয়ে সুরক্ষিত; সুরক্ষা ছাড়া একটি কপি সংরক্ষণ করে সেটি যোগ করুন",
        ),
        (
            rf"has (?P<n>{_N}) pages, over the limit of (?P<limit>{_N}) \(raise (?P<var>\w+) to ingest it\)",
            "এতে {n}টি পৃষ্ঠা, সীমা ({limit}টি) ছাড়িয়ে গেছে (যোগ করতে {var} বাড়ান)",
        ),
        (
            r"is damaged or truncated and cannot be read as a PDF \((?P<why>.*)\)",
            "ফাইলটি ক্ষতিগ্রস্ত বা অসম্পূর্ণ, পিডিএফ হিসেবে পড়া যায় না ({why})",
        ),
        (r"is a PDF with no pages", "পিডিএফটিতে কোনো পৃষ্ঠা নেই"),
        (
            r"has no readable text: none of its (?P<n>\d+) page\(s\) has a text layer or text that OCR could read",
            "এতে পড়ার মতো লেখা নেই: এর {n}টি পৃষ্ঠার কোনোটিতে লেখার স্তর নেই, OCR-ও কোনো লেখা পড়তে পারেনি",
        ),
        (
            r"has no text layer \((?P<n>\d+) page\(s\) of images only\) and OCR is off; turn it on "
            r"\(unset NSSS_OCR\) to read scanned pages",
            "এতে লেখার স্তর নেই ({n}টি পৃষ্ঠা শুধু ছবি) আর OCR বন্ধ; স্ক্যান করা পৃষ্ঠা পড়তে OCR চালু করুন (NSSS_OCR মুছে দিন)",
        ),
        (r"is damaged or not a Word \.docx file \((?P<why>.*)\)", "ফাইলটি ক্ষতিগ্রস্ত, অথবা ওয়ার্ড .docx ফাইল নয় ({why})"),
        (
            r"does not look like text \(it holds binary data\); check the file type",
            "এটি লেখা বলে মনে হয় না (এতে বাইনারি তথ্য আছে); ফাইলের ধরন যাচাই করুন",
        ),
        (r"has front matter that is not valid YAML \((?P<why>.*)\)", "এর শুরুর তথ্য (front matter) সঠিক YAML নয় ({why})"),
        (
            rf"holds (?P<n>{_N}) files inside, over the limit of (?P<limit>{_N}) \(raise (?P<var>\w+) to ingest it\)",
            "এর ভেতরে {n}টি ফাইল, সীমা ({limit}টি) ছাড়িয়ে গেছে (যোগ করতে {var} বাড়ান)",
        ),
        (
            rf"unpacks to (?P<size>{_N}) MB or more, over the (?P<limit>{_N}) MB limit \(raise (?P<var>\w+) to ingest it\)",
            "খুললে {size} MB বা তার বেশি হয়, সীমা ({limit} MB) ছাড়িয়ে যায় (যোগ করতে {var} বাড়ান)",
        ),
        (
            rf"holds (?P<member>.+), packed (?P<ratio>{_N}) to 1, over the limit of (?P<limit>{_N}) to 1, as zip bombs "
            r"are \(raise (?P<var>\w+) to ingest it\)",
            "এর ভেতরের {member} {ratio} গুণ সংকুচিত, সীমা {limit} গুণ; জিপ বোমা এমনই হয় (যোগ করতে {var} বাড়ান)",
        ),
        (
            rf"holds more than (?P<n>{_N}) XML elements, over the limit \(raise (?P<var>\w+) to ingest it\)",
            "এতে {n}টির বেশি XML উপাদান, সীমা ছাড়িয়ে গেছে (যোগ করতে {var} বাড়ান)",
        ),
        (
            rf"took longer than (?P<n>{_N}) s to read, the limit \(raise (?P<var>\w+) to allow more\)",
            "পড়তে {n} সেকেন্ডের বেশি লেগেছে, এটাই সীমা (আরও সময় দিতে {var} বাড়ান)",
        ),
        (
            rf"stopped the reader \(it needs more than (?P<n>{_N}) MB of memory, or it crashed the parser; raise "
            r"(?P<var>\w+) to allow more memory\)",
            "পাঠক থেমে গেছে ({n} MB-এর বেশি মেমরি লাগে, অথবা পার্সার ভেঙে পড়েছে; আরও মেমরি দিতে {var} বাড়ান)",
        ),
        (r"could not be read \((?P<why>.*)\)", "পড়া যায়নি ({why})"),
        (r"could not be cut into passages \((?P<why>.*)\)", "অনুচ্ছেদে ভাগ করা যায়নি ({why})"),
        (
            rf"the question is (?P<n>{_N}) characters long, over the limit of (?P<limit>{_N}); ask it in fewer words "
            r"\(the limit is (?P<var>\w+)\)",
            "প্রশ্নটি {n} অক্ষরের, সীমা ({limit}) ছাড়িয়ে গেছে; কম কথায় জিজ্ঞাসা করুন (সীমাটি {var})",
        ),
        (r"the question is empty", "প্রশ্নটি খালি"),
        (r"name a topic, for example “(?P<topic>.+)”", "একটি বিষয়ের নাম লিখুন, যেমন “{topic}”"),
        (
            r"the disk holding (?P<store>.+) is full: free space and run `nsss ingest` again; nothing already stored "
            r"was lost",
            "{store} যে ডিস্কে আছে তা পূর্ণ: জায়গা খালি করে আবার `nsss ingest` চালান; আগে রাখা কিছুই হারায়নি",
        ),
        (
            r"another ingest \((?P<holder>.+)\) is writing to the store (?P<store>.+); wait for it to finish and run "
            r"this again",
            "আরেকটি ingest ({holder}) এখন {store} সংরক্ষণাগারে লিখছে; সেটি শেষ হলে আবার চেষ্টা করুন",
        ),
    )
)


def reason(lang: str, message: str) -> str:
    """Say why something was refused in the interface language; a reason not in the catalogue is shown as it is."""
    if lang != "bn":
        return message
    for pattern, bangla in REASONS:
        found = pattern.fullmatch(message.strip())
        if found:
            values = {
                k: digits(lang, v) if re.fullmatch(_N, v or "") else v or "" for k, v in found.groupdict().items()
            }
            return bangla.format(**values)
    return text(lang, "detail", detail=message)
