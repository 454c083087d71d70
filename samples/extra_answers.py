"""More labeled answers for the accuracy benchmark: a different question, an answer that goes
back to action after a result, one with no task part, and one in another voice.

Same markup as answers.py.
"""

from __future__ import annotations

from answers import Sample

BACK_TO_ACTION = Sample(
    name="back_to_action",
    question="Describe a time you made a mistake that affected others.",
    description="A mistake that hit other teams, told without section names; after the first "
    "result it goes back to more action, then a second result.",
    says_section_names=False,
    sections=(
        ("situation", (
            "At my previous company I looked after the weekly job that sends prices to our two "
            "hundred shops.",
            "It was the week before our biggest holiday sale.",
            "One Friday I loaded a file from the wrong folder, and every shop started selling "
            "winter coats at last year's prices.",
        )),
        ("task", (
            "I had to stop the losses quickly and warn the people who depended on those prices.",
        )),
        ("action", (
            "I switched the job off, loaded the correct file, and phoned ten shops myself to "
            "check the prices.",
            "Then I wrote to the regional managers and said that the mistake was mine.",
        )),
        ("result", (
            "The prices were right again within forty minutes, and we lost about two thousand "
            "dollars in sales.",
            "The regional managers thanked me for the quick warning.",
        )),
        ("action", (
            "After that I went back and added a check to the job, so that it refuses any file "
            "older than one day.",
            "I also wrote a short guide, so anyone on the team could run the job safely.",
        )),
        ("result", (
            "In the two years since then, the job has never loaded a wrong file.",
        )),
    ),
    strengths=(
        ("owned_mistake", "the mistake was mine"),
        ("transparency", "I wrote to the regional managers"),
        ("change", "In the two years since then"),
        ("quantified_result", "within forty minutes"),
    ),
    speed=142,
)

MISSING_TASK = Sample(
    name="missing_task",
    question="Tell me about a time you received negative feedback.",
    description="Feedback story that names its parts but skips the task: situation, then "
    "straight to action and result.",
    says_section_names=True,
    sections=(
        ("situation", (
            "The situation was my first yearly review as a team lead.",
            "My manager told me that people on my team felt I did not listen, and that I often "
            "finished their sentences in meetings.",
            "That was hard to hear, because I thought our meetings went well.",
        )),
        ("action", (
            "What I did was ask three people on the team for real examples, in private.",
            "They told me I jumped to solutions before they had finished explaining the problem.",
            "I started writing down what each person said before I answered, and I asked one "
            "colleague to signal whenever I interrupted.",
            "I also changed our planning meeting, so everyone writes their ideas down first.",
            "And every week I asked my own manager how I had done, and what I should try next.",
        )),
        ("result", (
            "As a result, my next team survey gave me twenty points more on listening.",
            "I learned that a fast answer is not the same as a helpful one.",
            "These days I wait until a person has finished, and I repeat the problem back "
            "before I suggest a fix.",
        )),
    ),
    strengths=(
        ("learning", "I learned that a fast answer is not the same as a helpful one"),
        ("change", "These days I wait until a person has finished"),
        ("quantified_result", "twenty points more"),
    ),
    voice="en-us",
    speed=137,
    pitch=40,
)

OTHER_VOICE = Sample(
    name="other_voice",
    question="Tell me about a time you had to admit you were wrong.",
    description="A British voice, a little slower, telling a clean story without section names, "
    "with two fillers.",
    says_section_names=False,
    sections=(
        ("situation", (
            "A year ago I pushed hard for a new charting library for our dashboard.",
            "It was my first big technical decision as the senior engineer on the team.",
            "I had read the benchmarks, and I convinced the team it would make our pages faster.",
        )),
        ("task", (
            "Three months later the pages were slower, and I needed to decide whether to defend "
            "my choice or change course.",
        )),
        ("action", (
            "I measured the pages again, {um,} with real customer data, and the numbers were "
            "clear.",
            "I called a meeting and said that I was wrong about this library, and I showed "
            "everyone the data.",
            "I proposed going back to the old library for the heavy pages, and I offered to do "
            "most of that work myself, since the choice had been mine.",
        )),
        ("result", (
            "We finished the move in five weeks, and the heavy pages loaded twice as fast as "
            "before.",
            "My manager told me that saying it openly made the team trust me more, {you know,} "
            "not less.",
            "Since then I build a small prototype with real data before I recommend any library.",
        )),
    ),
    strengths=(
        ("owned_mistake", "I was wrong about this library"),
        ("transparency", "I called a meeting"),
        ("change", "Since then I build a small prototype"),
        ("quantified_result", "twice as fast"),
    ),
    voice="en-gb-x-rp",
    speed=135,
)

EXTRA: tuple[Sample, ...] = (BACK_TO_ACTION, MISSING_TASK, OTHER_VOICE)

QUICK_FILLERS = Sample(
    name="quick_fillers",
    question="Tell me about a time you missed a deadline.",
    description="A quicker speaker, a few fillers of each kind, and the "
    "ordinary uses that must not count: 'so every store', 'the right queue', 'we'll let you "
    "know', 'I like to'.",
    says_section_names=False,
    sections=(
        ("situation", (
            "{Um,} last year I ran the release of the new store app, {uh,} and every store had "
            "to start using it before the holidays so every store manager was watching.",
        )),
        ("task", (
            "I was supposed to, {like,} have all two hundred stores working with it before the "
            "first of December.",
        )),
        ("action", (
            "I had planned too little time for training, {you know,} and when the date came, "
            "only one hundred stores were ready.",
            "I told my director the same afternoon that I had missed it, and why.",
            "Then I put the stores in the right queue, with the biggest ones first.",
            "It was, {kind of,} a scramble, but I ran two training calls every day.",
            "I told each store manager, we'll let you know one week before your turn.",
        )),
        ("result", (
            "All the stores were using the app a week and a half later than planned, and sales "
            "in the app beat the target with twelve percent more.",
            "I like to plan the training first now, {sort of} before anything else, and I "
            "always keep one extra week for it.",
        )),
    ),
    strengths=(
        ("owned_mistake", "I had missed it"),
        ("transparency", "I told my director the same afternoon"),
        ("quantified_result", "twelve percent more"),
    ),
    speed=170,
)

THIN_ANSWER = Sample(
    name="thin_answer",
    question="Tell me about a time you failed.",
    description="A short, thin answer of about half a minute: every part is there, but barely.",
    says_section_names=False,
    sections=(
        ("situation", (
            "A few months ago I built a monthly report for our finance team, and it had a "
            "wrong formula in it.",
            "The finance director used it every month to plan the budget.",
        )),
        ("task", (
            "I had to correct it before the books were closed.",
        )),
        ("action", (
            "I found the formula, fixed it, and sent the report out again with a short note "
            "that the mistake was mine.",
            "I also called the finance director, so she would not use the old numbers.",
        )),
        ("result", (
            "The numbers were right in time for the close.",
            "I learned to check every report against last month's figures before I send it.",
        )),
    ),
    strengths=(
        ("owned_mistake", "the mistake was mine"),
        ("learning", "I learned to check every report"),
    ),
    speed=160,
)

EXTRA = EXTRA + (QUICK_FILLERS, THIN_ANSWER)
