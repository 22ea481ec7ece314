"""Stories: one per event across outlets, whether an outlet re-ran the wire or rewrote it.

The rules, in order (figures behind every number: bench/stories.py, bench/RESULTS.md):

- **Window.** An article is compared only with articles published within ``WINDOW`` (48 h)
  either side of it. An article joins at most one story.
- **Copies.** A MinHash signature of the word 3-shingles of title and text (64 hashes,
  stored as ``articles.signature``): a candidate whose estimated Jaccard similarity reaches
  ``COPY_THRESHOLD`` (0.4) is a syndicated copy, and the article joins its story.
- **Rewrites.** Each article becomes terms: its title and lead (the first ``LEAD_SENTENCES``
  sentences; a fetched page's furniture skipped, ``readable``: a line of fewer than
  ``FURNITURE_WORDS`` words that ends no sentence, a byline, a dateline, an ad's label, a
  caption, or a row of links; page extraction keeps them when they stand in plain
  paragraphs, where each took the place of one of the lead's sentences), split (house
  styles read alike, ``digests.house_style``: curly quotes as straight ones, "Mr. Obama" as
  "Obama"; every word the rules below compare is read so), stemmed and cleared of stop words by the rules of the article's own
  language (``articles.language``, english when unknown; a language sumy has no stemmer or
  stop words for keeps plain lower-case words; one without a Punkt model is split at . ! ?;
  in every language but English the stop-words package's list is read beside sumy's, as
  summaries read it: ``digests.language``).
  A word written with a capital inside a sentence is a name and stays unstemmed; a run of
  capitalised words ("Orbiton Networks", "Port of Kestrel Bay") is a name too. Where names
  decline by case (Russian, Ukrainian) a name is read without its case ending
  (``name_form``: "Дуванов", "Дуванова", "Дувановым" are one name). Figures are
  keyed by value whatever the notation (``digests.quantities``: "Eleven" = 11, "05:40" =
  "5.40am", "forty thousand" = "40,000", "12m euros" = "€12 million", "half of" = "50%",
  "six-hour" = "6 hours", "2:09:56" = "two hours, nine minutes and 56 seconds"; a span of
  time keys with its unit, so "68 minutes and 40 seconds" shares no 40 with "40 fallen
  trunks"; a score, "3-2", keys as one figure, not as a count of the word after it; outside
  English "drei Euro und zwanzig Cent" = "3,20 Euro" and "hacia las 10.30" = "10:30"). Languages that capitalise every noun (German) get no names from
  capitals. Terms are weighted by TF-IDF, the counts of the articles indexed now added to
  those of ``PRIOR_DOCS`` (10,000) articles of general text (``background``: how common each
  of a language's 6,000 commonest words is, shipped as data): in a new database every word
  of a few articles would look equally rare, and the everyday words two reports share
  ("day", "north", "left") would weigh as much as the event's own; as the window fills, its
  own counts decide. Two articles compare by the cosine of their weights. Two articles with
  fewer than ``MIN_SHARED_TERMS`` (5) terms in common are never rewrites: a pair of teasers
  of a few words can reach a high cosine by chance (rewrites in the tuning half of the
  labelled set share 9 or more).
  In German, a word of one lead that ends a longer word of the other ("Orgel" /
  "Barockorgel", "Automaten" / "Geldautomat", "Bewohnerin" / "Heimbewohnerin") counts as
  one more shared word, its weights' product added to the cosine (``compound_heads``),
  where it has ``HEAD_LETTERS`` (4) letters or more, leaves more than two before it, is in
  no rank of the language's commonest words (a common head is split off already,
  ``compound_parts``) and no more than ``HEAD_DF`` (3) indexed articles hold it: one outlet
  names the event's thing by its compound, another by its head. Read for a same-day
  candidate from ``UNION_FLOOR`` of the cosine; the leads' rules below see it as shared,
  the second look at whole texts does not.
- **Same news day** (within ``FRESH``, 18 h, of the candidate story's first article): the
  article joins when cosine + ``NUMBER_BONUS`` (0.15, given when the two share a figure other
  than a year or a date) reaches ``REWRITE_THRESHOLD`` (0.40). A figure is shared also when
  one outlet rounds it (``rounded_numbers``: 320 flights / "more than 300", 4,100kg / "four
  tonnes", 44,700 / 45,000: figures of ``ROUND_MIN``, 100, or more, rounded to one or two
  significant digits, to a multiple of ``ROUND_TO``, 100, and by at most ``ROUND_SHARE``,
  a tenth; not 149 / 150 nor 250 / 200, which two prices or two job counts give by chance).
  A vague amount ("hundreds of farmers", "several hundred taxi drivers", "tens of
  thousands") is no figure: it keys as ``#~hundred`` and gives no bonus; two protests of
  hundreds in one city shared a "figure" so. Outside English the bonus is given twice
  (``figures_bonus``) when the two share ``FIGURES_TWICE`` (2) figures, or one of
  ``LARGE_FIGURE`` (1,000) or more (a sum, a crowd, litres stolen: "około 90 tys." /
  "Dziewięćdziesiąt tysięcy litrów"): two outlets rewriting an event hours apart share few
  of its words, and a large figure is rarely another event's too, where a small one is (a
  road's number, "Sp 27", a prison term's two years, "200 metres").
- **Not on names alone.** A look-alike (the same company, person or place in another event)
  shares names but rarely the event's words and figures; in a full window names are the
  rarest terms, so they alone could carry it over the threshold. So the shared words and
  figures without the names must score ``CONTENT_NEEDED`` (half the threshold), unless the
  two name ``MIN_SHARED_ENTITIES`` (4) or more people, companies or places (a match report's
  teams and scorers; "Sabine Krol", "Sabine" and "Krol" are one).
- **Words alone.** The other way round: when the shared words without names make
  ``WORDS_ALONE`` (0.30) of the cosine, or ``CONTENT_ALONE`` (0.35) with the number bonus,
  the two join whatever the rest. An angle piece that names no one ("Space industry
  celebrates as satellites reach orbit", "Fire crews work through night at blazing market
  hall") shares the event's own words (orbit, rocket, satellites, spaceport; blaze, fire,
  market and two figures), which names do not make up for; two reports of one kind sharing
  only a statistic's everyday words ("jobless total rises" / "house prices drop", "Ray DVD
  beats box office takings" / "Shark Tale DVD is US best-seller") stay under both. With
  the bonus, the words that spell the shared figure's size and unit ("310 million euros":
  million, euros) are not counted again among the words: a fraud accusation over a
  bridge's contract, worth what the bridge's repair cost, is no report of its reopening.
- **Within the hour** (outside English): two reports published within ``NEAR_HOURS`` (1 h)
  of each other join on a lead from ``SECOND_LOOK_FLOOR`` (0.25) with ``MIN_SHARED_TERMS``
  terms and ``NAMES_WORDS`` (a tenth) of the cosine in shared terms other than names
  (``lead_near``). Outlets rewrite an event within the hour, each from its own angle; the
  cast's other news comes hours apart (in the written sets, 7 of about 2,800 look-alike
  pairs lie within the hour). Not when the two headlines each give a score and share none
  (``scored_apart``): two matches of one league told 15 minutes apart share the beat's
  words and, in one text, a score the other match ended on ("zum 1:1 gekommen"), but each
  headline gives its own match's result ("3:1", "1:1"). Under the floor, the shared words
  alone (names aside) at ``NEAR_WORDS`` (0.15) of the cosine join them too: German writes an
  event's words into compounds of its own ("Grundsteuer" / "Steuerschraube") and keys no
  names apart, so its rewrites within the hour score lower. Neither joins two leads that
  each state ``FIGURES_APART`` (2) figures and share none (``acts_apart``): two acts of one
  council session, told 20 minutes apart, share the council, the town, the mayor and the
  vote's words; each report gives its own act's tally and sums ("26 zu 8", "8,4 Millionen";
  "17 zu 17", "180 Wohnungen"). Nor does a lead that reaches the threshold within
  ``FIGURE_HOURS`` (1 h) on one shared figure's bonus, its words (names aside) under
  ``NAMES_WORDS`` of the cosine, join (``figure_and_names``), unless that figure is a score
  or a count keyed with what it counts: one hospital's two acts of a morning share its
  name, its town, its director and a figure by chance ("około 70 pacjentów" of the new
  dialysis station, "70 km" to the next children's ward of the petition against the
  ward's closure); two reports of one match share its teams, its scorer and its "2:1".
  The rules below drop such a story as they drop any other.
- **Strangers stay apart.** Different events of one beat on one day (two carmakers'
  quarterly results, two countries' jobless figures, two earthquakes) share the beat's
  words and figures in the same ranges, often enough to pass the rules above; what they
  never share is who and where. An article that names ``STRANGER_NAMES`` (2) or more
  people, companies or places ("Statistics Canada" and "Canada" are two; a reaction piece
  quoting one person names too little) and shares none of them with any candidate of a
  story naming as many is not compared with that story at all (candidates naming fewer
  count neither way). Days and months are no names here (Babel's, per language); a name
  is shared as the same multiword name or a rare word of it, as a word named on its own
  in both or its kin (the same first ``KIN_PREFIX``, 4, letters and endings of at most
  ``KIN_ENDING``, 5: Sweden, Swedish; Chile, Chilean), or, for a word rare in the
  language, alone or inside a multiword name, anywhere in the other ("Stellenbosch"
  opening a sentence; "Galway's Westside" and "Galway" only ever opening one); everyday
  words inside names ("Bank", "Agency") only as the whole name. A candidate whose rare name
  the article's own text (recalls cut, ``own_text``) writes below its lead is no stranger: an
  angle piece ("What a royal warrant is worth to a small business") opens on its own people
  and names the event's town once, further down. The second look (below) asks the
  same of whole texts. A piece naming no one can still pass for two such stories; they do
  not merge (below) when their named reports are strangers to each other. Two events in
  one country or city (two Greek wildfires) share its name and are not told apart so; nor
  is German text, whose capitals say nothing of names.
- **Headlines apart.** Two events of one beat may share every name the rule above reads:
  the country and its volcanology centre for two eruptions one morning, the food-safety
  authority culling at two farms. Each headline names its own subject, though, and the
  other article never mentions it. So a story the article passes for (by any rule below) is
  dropped when every candidate of it whose headline names a rare name (``headline_names``:
  a name as the text writes it, longer than ``HEAD_MIN``, 3, letters, not among the
  language's commonest words, no day or month) is ``headlines_apart`` from the article: each
  headline names something the other's title and text (its first ``BODY_CHARS``) never
  mention, nor a kin of it. The texts are read only for the stories the article passes
  for. Two reports of one event name its subject alike, or one names it at another scale
  ("Swiss Alps") while its text names what the other's headline does ("Zermatt").
  A headline with no rare name is named by its runs of capitalised common words that its
  text writes alike (``headline_runs``: "Prince George"); another text names a run when it
  writes each of its words. Figures tell headlines apart too (``Heading.apart``): when
  each headline states a figure (``headline_figures``: no year, date, clock time, span of
  time, vague amount or small count) that the other's title and text never state, nor
  round, and one headline names what the other text never mentions, or the two headlines
  share no word written in lower case (where every noun has a capital: no word).
  Lucknow's smog report compares its index with Delhi's, so Delhi's headline name is no
  tell; Delhi's index (450) and Lucknow's (412) are, stated each in its own headline and
  never in the other text. One toy seller's
  Black Friday sales ("rise 7%") and its recall the next morning ("85,000 advent
  calendars") name the same company; their figures and their words are their own.
  Reports of one event state its figure, or update it under the same words ("34,000
  homes without power", "power cuts: 12,000 still waiting").
  A text's clause that turns to another event is not read as the text's own here
  (``own_text``: English, from "hours after", "the same evening", "earlier in the day",
  "had earlier", "separate", "unlike", "another" or "the other" to the end of its sentence,
  the whole sentence when the cue ends it; "had earlier", "another", "the other" and "earlier
  in the morning" were adopted after the twenty-second round, to be tested blind): Cuenca's
  riot "hours after nine prisoners died in a separate riot at the Litoral penitentiary in
  Guayaquil" does not mention Guayaquil as its own, so the two riots'
  headlines are apart by names. Nor does a text published after the other's name that
  headline as its own when none of its names is in the later text's title or lead
  (``recalled``): Nottingham's mumps report names Exeter in its fifth sentence only ("The
  outbreak comes as Exeter reports 42 cases."); a name both headlines write is their common
  setting and not looked for (the men's and the women's cliff diving "in Mostar", the
  women's report naming the men's winner in its last sentence). Reports and angle pieces
  name their event in their opening; an earlier report may name a later angle piece's
  subject late ("Skovlund's head office will stay in Copenhagen.") and is read as before.
  A later report may name the earlier event in its lead, to compare ("... the same kind of
  synthetic opioid behind a cluster of nine overdoses in Dublin"); the two are apart still
  when the later headline names somewhere of its own (Cork) that the earlier text never
  mentions and states a figure, small counts too, that it never states nor adds up to
  (``news_to``: "Six overdoses in Cork ..."): what it reports, the earlier report did
  not know. An earlier report that names the later headline only in a sentence for tomorrow
  ("Domani Scarfogli correrà la cronometro." below his clubmate's bronze), not in its title
  or first sentence, told what was to come: the two are apart (``announces``; cues in every
  language read, ``FORWARD_CUES``).
- **The day before.** A report of the same company, team or place from the day before
  shares names, the beat's words, often a figure of the subject's size. A story begun
  ``LATER`` (6 h) or more before the article is dropped when every candidate of it names a
  day of the week in its lead and none the article's lead names, its headline holds no word
  the article's headline writes in lower case, and it shares no figure with the article
  (``earlier_apart``): the bus fares said on Monday and the first tram on Tuesday.
  A look-alike comes hours before the event it resembles and often names it as to come
  ("a decision is due soon"): a story of one candidate seen ``LONG_BEFORE`` (10 h) or more
  before the article is dropped when its headline holds no word the article's headline
  writes in lower case and the two share no figure, small counts and spans of time aside
  (``long_before``): the seaweed crisps launched at 2 am and the kelp farm's licence at
  8 pm; the beet growers' deal with the firm's "two factories" and the closure of one of
  them the next morning; the zoo's new entrance "41 years" after it opened and its first
  penguin chicks in its "41-year history". Such a story is
  dropped too, headline word and figure or not, when the article passed for it on the shared
  cast alone (``names_only``'s four names, few words): the trust's call for deckhands at
  2 pm and the paddle steamer's first sailing the next morning. Sooner, a story of any size
  begun ``NAMES_BEFORE`` (4 h) or more before the article is dropped when the article passed
  for it on the leads' shared names alone, no figure shared and the shared words under
  ``NAMES_WORDS`` (a tenth) of the cosine in every candidate (``names_before``): the fudge
  firm's sale in the morning and its first shop that afternoon. Sooner, ``LATER`` (6 h) or
  more before the article, a story of one candidate is dropped when its headline holds no
  word the article's headline writes in lower case and the two *whole* texts share no
  figure, small counts, spans of time and scores aside (``hours_before``): the same cast's
  other act that day (the nursery's tulip deal at 8 am, the hailstorm on its glasshouses at
  4 pm; the champion's opening match, his defeat by a teenager eight hours later); a late
  report or angle piece states one of its event's figures somewhere in its text. A road
  named by its number ("strada provinciale 27", "L 3170": ``road_figures``) gives neither
  the figure nor the headline word here: the road's repaving announced the evening before
  and the landslide that closed it both write it (it9). A story
  begun ``NEXT_MORNING`` (14 h) or more before the article, of any size, is dropped when
  none of its candidates shares with the article a figure that one of the two headlines
  states, small counts and scores aside (``next_morning``): the next morning's news of the
  same cast (the blood service's appeal for donors the day after its donor centre opened;
  the pavilion burnt the morning after its club planned a centenary match; the manager
  sacked the morning after a 6-1 defeat) shares the cast, the place, the subject's words
  and even a headline word, never a figure of the other event, only the subject's figures
  both repeat (the bunker's 120 rooms and guide price, on its open day and at its auction)
  or the score it recalls; the late pieces on one event state one of its headline figures
  (the takeover's $1.2bn, the "14-year wait" ended by the cup final). In the open sets no
  report joins its event's story 14 hours or more after it began without one. A story
  whose first article stood alone ``LATER`` or more before the next (a look-alike the
  event's first report may have joined) began, for this rule, at that next article.
  The cast's later news often tells the earlier event as the past of a person it names, in
  a clause set off by commas (``WHO_BEFORE``: "Blacksmith Gruffydd Culhane, who made steel
  poppies for the memorial's centenary, said ..." nine hours after the poppies' reports;
  "Decimus Rowse, who helped lead both the pub campaign and the recent bakery share offer,
  said ..." twelve hours after the share offer's). A story begun ``LATER`` or more before
  the article is dropped when the article passes for it, on its lead or its whole text,
  with such clauses and not without them, their figures kept (``told_before``: "who cost
  £47m" is the signing's fee, and the unveiling eight hours later joins by it). A clause
  that says only who someone is ("who lives alone") changes nothing.
- **Sizes apart.** Two seizures at one port on one day share the beat's words, its place
  and its agencies, and their headlines may name the same port; what differs is their size:
  4,100kg of cocaine in bananas, 900kg in scrap metal. So a story the article passes for is
  dropped too when every candidate of it that states an amount of a kind the article states
  (mass: ``measures`` of ``digests.quantities``, read on the title and text, in kilograms)
  is ``measured_apart``: on every kind both state, no amount of one is within
  ``MEASURE_RATIO`` (1.5) of an amount of the other. Reports of one event state its size
  alike, rounded at most ("4.1 tonnes", "more than four tonnes", "4,100kg"). Money,
  distances and counts are no evidence here: one event's reports state many of them (a
  fine and a turnover, a 10km zone and a town 200km away, 38 evacuated and 4 injured); nor
  are areas and volumes, which grow and are estimated again during a day (a fire, a spill).
  On every labelled set, no two reports of one event within a day are measured apart.
  Ages are a kind too (English): of people a text leaves unnamed ("a 41-year-old
  Canadian", "the guide, 36,", "a man aged 41"), agreeing within ``AGE_SLACK`` (1) year.
  Two rescues on one mountain on one day share the mountain, the city, the rangers and the
  helicopter; one climber is 41, the other event's guide and client 36 and 52. A named
  person's age is no evidence (another report may name and age a witness or a rival), nor
  one put before a surname the text writes after a first name elsewhere ("the 64-year-old
  Marwick" of "Hilda Marwick": two of BASIL basA's same-day pairs were kept apart so).
- **A story's union.** An angle piece often takes a few words from each report and not
  enough from any one. The same-day candidates of one story that came within
  ``UNION_FLOOR`` (0.10) of the article are taken together: the article's cosine with their
  centroid (the sum of its cosines with them over the centroid's length; the centroid's
  length from the members' vectors, read with the article's language's prior) and the
  words' part of it pass by the words-alone rule only, never by names: a commuters' piece
  on a bridge closure that takes the cracks from one report and the buses and the ferry
  from another joins so; a look-alike shares the story's names, and little of its words.
- **Second look at whole texts.** An angle piece (a consumer explainer, "what it means
  for...", reaction, analysis) often writes a lead of its own and names the event's facts
  further down. When no candidate passes, the ``SECOND_LOOK_MAX`` (3) same-day candidates
  whose leads came closest (score at least ``SECOND_LOOK_FLOOR``, 0.25, a shared date
  counting for the bonus here only; or that passed but rested on names) are compared again
  on the title and the whole text (its first ``BODY_CHARS``) of both, read from the
  articles, by the rules above, and one more: the two must share a figure other than a
  year or a date, unless their words alone pass (the rule above); and before any of that,
  one of the two must write, in its title or text, a word the other's headline writes in
  lower case: an angle piece names what happened to its event, or the thing it happened
  to ("brooch" of the appeal that kept it), while the same museum's roof grant eight hours
  later writes none of "raises", "keep", "gold", "brooch", nor the appeal's reports any of
  "gets", "leaking", "roof" (no right second look of the open sets lacks one). A headline
  in Title Case writes no word in lower case; read whole, its words are those its text
  writes so ("Ferry Operator Scraps Winter Crossings": "scraps", "crossings"), and two
  outlets' full reports under such headlines pass as others do (BASIL's half basA: 104 of
  135 headlines in Title Case, 10 more of its 89 same-day pairs joined). Whole texts of
  one subject share more of its words than leads do (two pieces on rival games
  consoles, on one party's campaign); a shared figure is the event's own. A few units of
  time ("two years", "six hours": ``_duration``) are not: whole texts state careers,
  reviews and delays by the year, and a minister's two-year boundary review passed so for
  her next day's vote on the voting age; a count of the event's people or things ("the
  four drivers who brought the case") still is. Without a shared figure, the whole texts
  pass when their score reaches the threshold, the words without names make
  ``HEADLINE_WORDS`` (0.15) of it and at least ``HEADLINE_SHARE`` (0.33, a third) of it,
  not the names (a player's farewell and a rival's comeback for it share the player, the
  ground and "farewell"; a mystery piece on a piano left on a mountain top shares with the
  find's report the mountain's two-word name, which weighs near two thirds of their
  score, and "piano", "summit", "cairn", "walkers": 0.35 of it), and the two headlines
  share a word each writes in lower case: an angle piece names what happened, or the
  thing it happened to, in its headline ("Skerrow Bank wind farm
  gets green light despite fishermen's objections" of "Government approves 1.4GW Skerrow
  Bank offshore wind farm"; "Gorsley fire: what we know so far" of "Huge fire at Gorsley
  warehouse"; "Investigators examine speed and track after Tanner's Cross
  derailment" of "Nine injured as tram derails"); reports of rival products whose texts
  name each other's ("Nintendo DS makes its Euro debut" / "Sony PSP handheld console hits
  US") share no headline word; a name is not enough (one carmaker's job cuts and its new
  model, both "Varnholt Motors ..."). Feeds' excerpts of about 90 words are their leads
  and little more: two outlets paraphrase one event's excerpt (0.25-0.40) and their
  headlines share its words. Whole texts that score ``MEET_FLOOR`` (0.30) pass under the
  threshold when the headlines meet (``headlines_meet``: two words and a name shared, no
  headline name the other's text lacks; "Senate Votes To Take Up Harbour Tunnel Bill" /
  "Harbour tunnel bill clears first Senate hurdle"; a one-word name the other writes in
  lower case is that word: "Judge Halts Dunmore Tunnel Tolls" / "Dunmore tunnel tolls
  blocked by federal judge", AllSides' asA: 7 more pairs) and the words make the part of
  the score above; the same beat's two events share its words and name different places or
  people in their headlines. The look costs a few
  milliseconds and happens only for articles that came close. It is taken also when the
  leads did find a story: a close candidate of *another* story whose whole text passes is
  one more story to merge (below), as when the stranded travellers' report joins the
  airline's failure and its whole text matches the passengers' rights piece left alone.
- **Labelled pieces.** A headline opening on a genre label of its language ("Explainer:",
  "Analysis:", "Reaction:", "What we know:", "Разбор:", "Décryptage :"; ``labelled``, the
  lists in ``digests/data/genre_labels.json``) tells no new event: it explains or answers
  one in the news. When no rule above passes, it joins the story of the closest candidate
  published within ``LATER`` (6 h) of it whose lead comes ``LABEL_FLOOR`` (0.15) close,
  sharing ``LABEL_SHARED`` (4) terms and words worth ``LABEL_WORDS`` (0.08) of the cosine,
  names aside (``explained``): the explainer on rural roadside births joins the twins born
  in an ambulance; the reaction at the mayor's diner joins her resignation of the last
  hours, not her fire-station vote of the night before, whose lead is closer. It merges no
  stories, never shows a story's first article a look-alike, and heads a story only when
  every member is labelled. The label is no term of any headline (``unlabelled``): two
  analyses of two events shared it.
- **Dates and years are no evidence.** "4 June" (``#d06-04``, any language Babel has month
  names for) says when, as "2026" does: a player's comeback and another's retirement share
  the day of the farewell match. Neither gives the number bonus.
- **Next day.** Later than ``FRESH`` after a story's first article, only copies join it.
  A next-day *development* (an appeal, a risen death toll, an arrest) starts its own story:
  digests already sent are not re-sent for a story that grows, so a development filed under
  yesterday's story would reach no one, while a late retelling by another outlet filed as a
  story of its own costs a reader one repeated headline. Cosine cannot tell the two apart:
  in the labelled set, follow-ups 19-30 h later reach cosines of 0.60 (tuning half) and
  0.72 (test half) against their event, as high as many retellings. The limit counts from
  the story's *first* article, not its nearest: counted from the nearest, a development
  26 h after the event joins through a retelling filed 13 h after it (tried: 2 of the test
  half's 4 follow-ups then joined their events, precision 0.84), and a story could grow
  for days by steps of 18 h. Real outlets' late reports do not change this: of AllSides'
  (half asA) 77 pairs of one roundup more than 18 h apart, 68 were the set's own dating
  (``bench/allsides.py`` gave a report whose link names no day the roundup's later day;
  fixed since) and 9 are two days' reports (5 of one event, 3 developments, 1 topic piece). A late article
  whose lead passes at 0.50 and states no figure the earlier one lacks joined 2 of them and
  31 next-day pieces of the invented sets (24 with labelled follow-ups); asked also to keep
  to the earlier lead's headline words (one missing at most), none of them and 3.
- **Best match.** Of the candidates that pass, the highest score decides the story.
- **Stories that meet merge.** Two outlets' first reports can miss each other and start two
  stories of one event, and an angle piece filed early can stay alone; a later report that
  passes for both (same day, by the rules above, on its lead or on a second look) shows
  they are one. The other stories it passes for merge into the one it joins, when it
  passes for them on words or figures (the content part scores ``CONTENT_NEEDED``: a pass
  resting on the cast of names, a look-alike's way in, merges nothing) and no subscription
  was sent, queued or posted them (a digest's record or a /story link names a story; such a
  story stays as it was sent), and not when every named candidate of one is a stranger to
  every named candidate of the other, nor when every pair of their candidates that can be
  compared so is measured apart, or headlines apart (a national report, "Fourth Dutch bird
  flu outbreak", names no farm town and passes for the Barneveld and the Kampen outbreaks;
  it joins one and the two stay apart), nor when it began ``MERGE_BEFORE`` (2 h) or more
  before the story the article joins (``began_before``): two outlets' first reports of one
  event come close in time, and a story begun hours before is the cast's earlier news (a
  quarry's slate contract at dawn, passed for by a piece on its rockfall on the staff count
  both state). The merged story begins at the earlier first article.
- **A look-alike first.** The look-alike may come first, and the event's first report join
  its story of one article (the toymaker's new railway range at dawn, its factory's closure
  nine hours later: the firm, the town, the beat's words); every later report of the event
  follows it there. The event's next report tells: it is closer (cosine of the leads) to its
  event's first report than to the look-alike. So when a story's first article stood alone
  ``LATER`` (6 h) or more before the next joined it, and an article joining the story comes
  closer to a later member than to that first one, the first article leaves the story for
  one of its own (``look_alike_first``), and the story begins at its next article. Alone
  ``ALONE_BEFORE`` (4 h) to ``LATER``, the article's lead must also be far from that first
  one (under ``SECOND_LOOK_FLOOR``, 0.25): a look-alike of the same morning. From a
  story a subscription was sent, queued or posted, the first article stays, as it was sent:
  every later article (the event's reports) leaves with the joining one for a new story,
  which digests and live posts deliver as any new story (``store.split_after_first``); a
  live post already edited with the event's first report is edited back to the look-alike
  alone (``live.changed``: fewer sources). A further report of the event that passes for
  the sent look-alike's story too joins the event's (``newer_first``): the sent story,
  begun ``LATER`` or more before, merges nothing. A late report that joined an event's
  first report alone stays: the next report is closer to the first report (it states the
  event) than to the late piece (its own angle). A copy of a later member tells as a
  report does once the story is ``FRESH`` old and no report can join it (a copy joins its
  original's story at once; the cosines of that story's members are read for it): the
  sinking's copy, 18 h 25 min after the paddle steamer's refit, takes the refit out, and
  the story is fresh again for the sinking's next report. Before that, a copy is closest
  to its original whichever that is, and the event's next report tells: a copy of the late
  piece on the prize's winner keeps her report. On the open sets the rule moves 6
  look-alikes out of their events' stories (one of them on a copy) and no report; of 7
  late pieces joined to a first report alone 6 h or more, the next report was closer to
  the first report each time.
- **Headline.** A story's title is the member title closest (cosine) to the centroid of its
  members' weighted terms, a report's before a labelled piece's; it is chosen again whenever
  an article joins (ties: the earliest).
  ``last_updated`` follows the newest member's publication time.

Scale: the matcher keeps an index in SQLite (tables ``story_terms``, ``story_postings``,
``story_df``): each article's terms and their length, postings of every term fewer than
``KEY_MAX_DF`` indexed articles hold, and how many articles hold each term. A new article
looks up its ``MAX_KEYS`` rarest terms within the window and compares in full only the
``MAX_CANDIDATES`` articles sharing the most rare-term weight, so the cost per article
stays flat as the window fills. Index rows older than ``RETAIN`` before the pass go. An empty
index over a database with stories (one clustered before the matcher existed) is rebuilt
once from the articles of the last ``WINDOW``, a few milliseconds each; so is an index made
by other rules (``INDEX_VERSION``, kept in ``story_df``, changes with the rules that make
terms). The processing pass does it in steps of ``REINDEX_BATCH`` with pauses between them
(``rebuild_index``), so the bot answers during a rebuild of a full window (minutes), and
clusters what came in meanwhile once it is done. Stories already formed stay as they are
(digests were sent for them): new rules apply to articles clustered from then on, compared
with the last ``WINDOW`` re-indexed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np
import punkt
from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names
from numpy.typing import NDArray
from sqlite_utils import Database
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words, normalize_language

from digests import house_style, store
from digests.language import NAMES
from digests.language import tools as language_rules
from digests.letters import COMPOUND_ENDINGS, COMPOUND_HEAD_LETTERS, COMPOUND_LANGUAGES
from digests.models import ClusterArticle, StoryMember
from digests.quantities import (
    DATE_PREFIX,
    HEDGED_PREFIX,
    NUMBER_PREFIX,
    SMALL,
    TIME_PREFIX,
    VAGUE_PREFIX,
    magnitude_words,
    measures,
    quantities,
    road_numbers,
    small_numbers,
)
from digests.tokenize import has_splitter, split_sentences
from digests.unspaced import has_unspaced, index_form

# --- copies: MinHash of word 3-shingles over the whole text ------------------------------

NUM_HASHES = 64
SHINGLE = 3
COPY_THRESHOLD = 0.4

_PRIME = np.uint64((1 << 31) - 1)
_rng = np.random.default_rng(20240906)  # fixed seed: signatures must be stable across runs
_A = _rng.integers(1, (1 << 31) - 1, NUM_HASHES, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, NUM_HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)

Signature = NDArray[np.uint32]


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Return the set of k-word shingles of the text (lower case, punctuation ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> Signature:
    """Return the MinHash signature of the text's shingles."""
    grams = shingles(text)
    if not grams:
        return np.full(NUM_HASHES, np.iinfo(np.uint32).max, dtype=np.uint32)
    digests = b"".join(hashlib.blake2b(g.encode(), digest_size=4).digest() for g in grams)
    hashed = np.frombuffer(digests, dtype="<u4").astype(np.uint64)
    # (a * x + b) mod p for every hash function and shingle; a, x < 2**32 keeps it in uint64.
    values = (np.outer(_A, hashed) + _B[:, None]) % _PRIME
    result: Signature = values.min(axis=1).astype(np.uint32)
    return result


def similarity(a: Signature, b: Signature) -> float:
    """Return the Jaccard similarity estimated from two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_HASHES


# --- rewrites: weighted terms of the title and lead, names and numbers --------------------

LEAD_SENTENCES = 4
LEAD_CHARS = 1_500  # sentences are split only in the opening of the text
BODY_CHARS = 6_000  # a second look reads this much of the text
TITLE_WEIGHT = 1  # a title's terms count this many times
PRIOR_DOCS = 10_000  # pseudo-articles of general text every article count starts with
PRIOR_WORDS = 100  # words of an article's title and lead, stop words included

DEFAULT_LANGUAGE = "english"
SENTENCE_CACHE = 32  # texts whose sentences each language's tools keep (``language_tools``)
NAME_PREFIX = "@"  # "@orbiton", "@orbiton_networks": names, single words or runs
# NUMBER_PREFIX "#": "#12000000", "#4.5%", "#t05:40", "#6:hour" (digests/quantities.py)
NOUN_CAPITALISING = frozenset({"german", "luxembourgish"})
# A name's word written in lower case is a word, not the name ("les vergers ont noirci" beside
# "la coopérative Vergers de la Lize": "verger", which the other reports write, not
# "@vergers"), but in these languages: English's rules were tuned with the name read there,
# and reading the word lifts recall in 20 English splits but loses precision in 8
# (bench/RESULTS.md, "a name's word in lower case"). Kept as it was, on purpose.
LOWER_CASE_NAMES = frozenset({"english"})
# Languages whose headlines may write every long word with a capital ("Bronze Age Boat Found
# in Threlby Quarry"). Elsewhere a headline is written as a sentence, and one with a
# place of several words ("Chuva provoca tragédia no Morro do Cruzeiro") is no Title Case:
# its capitals are names.
TITLE_CASE_LANGUAGES = frozenset({"english"})
# Languages whose names decline by case: one outlet writes "Дуванов", the next "Дуванова" or
# "Дувановым", "в Каменногорске" and "Каменногорска". A name is read without its case ending
# (``name_form``), so its cases are one name. The endings of nouns and adjectives (a surname
# like "Вишневский", "Вишневского"), longest first, leaving at least ``NAME_STEM`` letters;
# not the surname suffixes "-ов", "-ев", "-ин" ("Кречетов", "Кречетова": "кречетов"). No
# stemmer does this: Snowball reads "Дуванов" as a genitive plural ("дуван") and
# "Дуванова" not. A stem whose vowel drops reads without it when it is the suffix "-ец"
# ("Ржавец", "Ржавца": "ржавц"); other such stems stay two names.
NAME_ENDINGS: dict[str, tuple[str, ...]] = {
    "russian": (
        "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями", "ией", "иям", "иях", "ой", "ей",
        "ый", "ий", "ая", "яя", "ое", "ее", "ую", "юю", "ою", "ею", "ым", "им", "ом", "ем", "ам",
        "ям", "ах", "ях", "ые", "ие", "ых", "их", "ия", "ии", "ию", "ью", "а", "я", "у", "ю",
        "е", "ы", "и", "о", "ь", "й",
    ),
    "ukrainian": (
        "ього", "ьому", "ого", "ому", "ами", "ями", "ові", "еві", "єві", "ією", "ою", "ею", "єю",
        "ий", "ій", "им", "ім", "ої", "ом", "ем", "єм", "ам", "ям", "ах", "ях", "ія", "ії", "ію",
        "а", "я", "у", "ю", "е", "є", "і", "ї", "и", "о", "ь", "й",
    ),
    "polish": (
        "iego", "iemu", "ami", "ach", "ego", "emu", "iej", "ymi", "imi", "ich", "ych",
        "owi", "iem", "ym", "im", "ej", "em", "om", "ie", "ą", "ę", "a", "u", "y", "i", "e", "o",
    ),
    # No case here: a town's last vowel, which its people's word drops ("Bellecombe",
    # "bellecombais"; "Torrebermeja", "torrebermejano"): ``DEMONYM_ENDINGS``.
    "french": ("e",),
    "spanish": ("a", "o"),
}  # fmt: skip
NAME_STEM = 3
# Polish writes "ó" where a case ending closes the syllable and "o" where it opens it:
# "Kalinów", "Kalinowa", "w Kalinowie" are one place; read without "-ów" and "-ow" (the
# genitive plural of "Gryfy", "Gryfów", and the place names' suffix), "kalin", "gryf".
_VOWEL_FOLDS = {"polish": str.maketrans({"ó": "o"})}
_POLISH_OW = re.compile(r"(?<=\w{3})ow$")
_POLISH_FLEETING = re.compile(r"(?<=\w{2})i?e([kc])$")
# Ukrainian alternates a word's last vowel the same way: "і" in a closed syllable, "о" or "е"
# in an open one ("Явір", "Явора"; "Кремінь", "Кременя"; "Старокамінь", "у Старокаменя";
# "Ясенів", "Ясенова"), and drops the "о" of "-ок" ("рахунок", "рахунку"; "кубок", "кубка").
# A stem's and a name's last "о", "е" or "і" before its final consonants are read "і", and
# "-ок" after a consonant "-к": every form of a word meets in one.
_UKRAINIAN_FLEETING = re.compile(r"(?<=[бвгґджзклмнпрстфхцчшщ])ок$")
_UKRAINIAN_CLOSED = re.compile(r"[оеі](?=[бвгґджзйклмнпрстфхцчшщ]+$)")


def ukrainian_form(stem: str) -> str:
    """Return a Ukrainian stem with its alternating last vowel folded (rules above)."""
    return _UKRAINIAN_CLOSED.sub("і", _UKRAINIAN_FLEETING.sub("к", stem))


@dataclass(frozen=True, slots=True)
class LanguageTools:
    """How one language's text becomes terms: sentences, stems, stop words."""

    name: str
    sentences: Callable[[str], list[str]]
    stem: Callable[[str], str]
    stop_words: frozenset[str]


@lru_cache(maxsize=64)
def language_name(code: str | None) -> str:
    """Return sumy's name for a language code or name ("en-GB" -> "english"); english if none."""
    if not code or not code.strip():
        return DEFAULT_LANGUAGE
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return str(normalize_language(base)).lower()


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _plain_sentences(text: str) -> list[str]:
    # Languages without a Punkt model: end a sentence at . ! ? before a space, nothing cleverer.
    return [s for p in re.split(r"\n\s*\n", text) for s in _SENTENCE_END.split(p.strip()) if s]


def _sumy_stemmer(name: str) -> Callable[[str], str]:
    """Return sumy's stemmer for a language, or lower case when it has none that works."""
    try:
        stemmer: Callable[[str], str] = Stemmer(name)
        stemmer("news")  # some stem only with a package not installed: they raise here
    except (LookupError, ValueError, ImportError):
        return str.lower
    return stemmer


def _sumy_stop_words(name: str) -> frozenset[str]:
    try:
        return frozenset(get_stop_words(name))
    except LookupError:
        return frozenset()


# Russian past participles and the nouns of an act stem apart from the verb's past forms:
# "затопила" is "затоп", "затоплены" "затопл", "затопления" "затоплен"; "объявил" "объяв",
# "объявлен" "объявлен". The stem is read without "-ен" (four letters left at least), then
# without the "л" a labial takes before it ("затопл", "поставл", "оформл": п, б, в, ф, м).
PARTICIPLES = {"russian": re.compile(r"(?:(?<=\w{4})ен|(?<=\w{3}[бпвфм])л)$")}
_LABIAL_L = re.compile(r"(?<=\w{3}[бпвфм])л$")


def _verb_stem(stem: Callable[[str], str], ending: re.Pattern[str]) -> Callable[[str], str]:
    """Return a stemmer that reads a participle's or an act's stem as its verb's (``PARTICIPLES``)."""

    def run(word: str) -> str:
        found = stem(word)
        cut = ending.sub("", found)
        return _LABIAL_L.sub("", cut) if cut != found else cut

    return run


# Polish and Ukrainian stems cut to their first letters: Snowball's Polish stemmer and the
# Ukrainian one leave a word's derivational suffixes ("zwolnienia" "zwolnien", "zwolni"
# "zwoln"; "odwołania" "odwołan", "odwołać" "odwoł"; "referendum", "referendalny"), so two
# reports' words of one act stem apart. Five letters join them, as a fixed prefix does for
# retrieval in Slavic languages. Clustering only: search and summaries stem as before.
STEM_PREFIX = {"polish": 5, "ukrainian": 5}


def _prefix(stem: Callable[[str], str], letters: int) -> Callable[[str], str]:
    """Return a stemmer whose stems are cut to their first ``letters`` letters."""
    return lambda word: stem(word)[:letters]


# Polish writes "ł" and "ó" where a case ending closes the syllable and "l", "o" where it
# opens it: "oddział", "w oddziale"; "szkoła", "w szkole"; "stół", "na stole". A word is
# stemmed with them read "l" and "o", so every case of it meets in one stem.
_POLISH_STEM_FOLDS = str.maketrans({"ł": "l", "ó": "o"})


def _polish(stem: Callable[[str], str]) -> Callable[[str], str]:
    """Return a Polish stemmer reading "ł" as "l" and "ó" as "o" (above)."""
    return lambda word: stem(word.translate(_POLISH_STEM_FOLDS))


def _folded(stem: Callable[[str], str]) -> Callable[[str], str]:
    """Return a Ukrainian stemmer whose stems' alternating last vowel is folded."""
    return lambda word: ukrainian_form(stem(word))


@lru_cache(maxsize=16)
def language_tools(language: str | None) -> LanguageTools:
    """Return the tools for a language; without a stemmer words stay unstemmed lower case.

    A language the bot has rules for (``digests.language.tools``) is stemmed and stop-worded
    by those rules, as its summaries are: sumy alone has no Russian stop words, stems Polish
    only with a package not installed (every Polish article stopped the processing pass) and
    knows Greek by another name. Any other language gets what sumy has, or nothing.
    """
    rules = language_rules(language) if language else None
    stemmer: Callable[[str], str]
    if rules is not None:
        name, stemmer, stop_words = rules.name, rules.stem, rules.stop_words
        if name in PARTICIPLES:
            stemmer = _verb_stem(stemmer, PARTICIPLES[name])
        if name == "ukrainian":
            stemmer = _folded(stemmer)
        if name == "polish":
            stemmer = _polish(stemmer)
        if name in STEM_PREFIX:
            stemmer = _prefix(stemmer, STEM_PREFIX[name])
    else:
        name = language_name(language)
        stemmer, stop_words = _sumy_stemmer(name), _sumy_stop_words(name)
    if name in punkt.available_languages() or (name not in _RULED and has_splitter(name)):
        # A language without rules of its own but with its script's sentence marks
        # (Chinese 。！？, Hindi ।, Thai spaces: digests/tokenize.py) is split at them.

        def split(text: str) -> tuple[str, ...]:
            return tuple(split_sentences(text, name))

    else:

        def split(text: str) -> tuple[str, ...]:
            return tuple(_plain_sentences(text))

    # The same opening is split again within one match: the article's lead for its terms,
    # then its first sentence and lead words if a candidate's headline is compared; a
    # candidate's first sentence and lead words likewise. Kept: the last few texts' sentences.
    recent = lru_cache(maxsize=SENTENCE_CACHE)(split)

    def sentences(text: str) -> list[str]:
        return list(recent(text))

    return LanguageTools(name, sentences, lru_cache(maxsize=65_536)(stemmer), stop_words)


@lru_cache(maxsize=65_536)
def name_form(word: str, language: str) -> str:
    """Return a lower-case name as the rules compare it: in a language whose names decline
    (``NAME_ENDINGS``), without its case ending ("дувановым" -> "дуванов", "ё" read "е");
    elsewhere as written."""
    endings = NAME_ENDINGS.get(language)
    if endings is None:
        return word
    word = word.replace("ё", "е")
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= _least_stem(ending):
            word = word[: -len(ending)]
            break
    folds = _VOWEL_FOLDS.get(language)
    if folds is not None:
        # "Bartoszek", "Henryka Bartoszka"; "Borówiec", "z Borówca": "-ek", "-(i)ec" lose "(i)e".
        return _POLISH_FLEETING.sub(r"\1", _POLISH_OW.sub("", word.translate(folds)))
    # The suffix "-ец" drops its vowel in every other case: "Каменногорец", "Каменногорца".
    if word.endswith("ец") and len(word) > NAME_STEM + 2:
        word = word[:-2] + "ц"
    if language != "ukrainian":
        return word
    # "Кременівка", "у Кременівці"; "Дубовець", "у Дубовці": a name's last "к" and "ц" are one.
    return ukrainian_form(word[:-1] + "к" if word.endswith("ц") else word)


# The instrumental's "-ом", "-ем", "-єм", Polish "-em", "-om" leave four letters at least:
# "Артем" is a name as written, "Артемом" the same name ("Петром", "Ігорем", "Piotrem").
_INSTRUMENTAL = frozenset({"ом", "ем", "єм", "em", "om"})


def _least_stem(ending: str) -> int:
    return NAME_STEM + 1 if ending in _INSTRUMENTAL else NAME_STEM


# The same sentences and headlines are split into words again within one match (a headline
# for each candidate it is compared with, its first sentence for each frame read).
WORDS_CACHE = 128  # texts whose words are kept


@lru_cache(maxsize=WORDS_CACHE)
def _recent_words(text: str, language: str) -> tuple[str, ...]:
    return tuple(house_style.words(text, language))


def _split_words(text: str, language: str | None) -> list[str]:
    """Return the words of a text in a language (a code or name), house styles read alike
    (``digests.house_style``), of the last ``WORDS_CACHE`` texts read once. In a language
    without rules of its own, a run of Chinese, Japanese or Thai letters (one "word" to a
    splitter that splits at spaces) is its pairs of letters, as the search index reads it
    (``unspaced.index_form``): two reports of one event share their words' pairs."""
    name = language_name(language)
    words = _recent_words(text, name)
    if name in _RULED or not has_unspaced(text):
        return list(words)
    return [pair for word in words for pair in index_form(word).split()]


# The languages with rules of their own (``digests.language.NAMES``): their terms are made
# by those rules alone.
_RULED = frozenset(NAMES.values())


_CONNECTORS = frozenset({"of", "de", "del", "van", "von", "der", "la", "le", "&"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# Marks no name runs across: a comma, parentheses or brackets, a dash (a hyphen set apart by
# spaces, or two). "Mannheim, Germany (Sports Network) - Wladimir Klitschko ...": a dateline's
# place and agency are no part of the name after them.
_RUN_ENDS = re.compile(r"[,()\[\]\u2013\u2014]|(?<!\S)-+(?!\S)|--+")
# A single quotation mark (straight or curly) that opens a quotation before a word: the word
# opens the quotation as a sentence's first word does, and its capital says as little.
_QUOTE_OPENS = re.compile(r"(?:^|(?<=[\s(\[:;,]))['\u2018](?=\w)")


# A full stop after a word of three letters or more, or a question or exclamation mark, then
# a space: a sentence ends there in a text not split into sentences (a headline, "Pożar
# tartaku w Modrzewicach. Spłonęła hala", "Kto ukrył denary z Borówca? Pytamy archeologa"):
# no name runs across it, and the next word's capital says no more than a sentence's first
# word's. English keeps its runs and names as they were ("Apple Inc. Chief").
_SENTENCE_STOP = re.compile(r"(?:(?<=\w{3})\.|[?!])\s+(?=\w)")


def _sentences_apart(text: str, language: str | None) -> list[str]:
    """Return a text cut at ``_SENTENCE_STOP`` outside English; English whole."""
    if language_name(language) == DEFAULT_LANGUAGE:
        return [text]
    return _SENTENCE_STOP.split(text)


# Outside English, a colon and a double quotation mark of any style end a run too: "Pożidaev:
# «My ...»" is no "Pożidaev My", "Fuente: Agencia Vencejo" no "Fuente Agencia Vencejo",
# "тренер «Кезьмы» Виталий Бородихин" no "Кезьмы Виталий Бородихин" (a club and its coach
# in apposition), "Rugby : Vernéjac" no "Rugby Vernéjac". 141 such runs in the labelled sets
# of seven languages; English keeps its runs as they were.
_RUN_ENDS_ABROAD = re.compile(r"[:«»„“”\"]")


def name_spans(text: str, language: str | None) -> list[list[str]]:
    """Return a sentence's words in spans that a name may fill, split at ``_RUN_ENDS``, where
    a quotation opens ("Santorum: 'Phony theology'": no "Santorum Phony") and, outside
    English, at a sentence's end (``_SENTENCE_STOP``), a colon or a double quotation mark
    (``_RUN_ENDS_ABROAD``)."""
    abroad = language_name(language) != DEFAULT_LANGUAGE
    return [
        words
        for sentence in _sentences_apart(text, language)
        for part in _RUN_ENDS.split(sentence)
        for quoted in (_RUN_ENDS_ABROAD.split(part) if abroad else [part])
        for piece in _QUOTE_OPENS.split(quoted)
        if (words := _split_words(piece, language))
    ]


def _lead_stop(word: str, stop_words: frozenset[str]) -> bool:
    # A stop word opens no name, written with full stops or without: "US" and "U.S." of
    # "the U.S. Senate" (``house_style.undotted``) alike.
    lower = word.lower()
    return lower in stop_words or (lower.endswith(".") and lower.replace(".", "") in stop_words)


def names(
    sentence_words: Iterable[list[str]], stop_words: frozenset[str], language: str = ""
) -> set[str]:
    """Return the capitalised multiword names in sentences given as word lists.

    A name is a run of two or more capitalised words, joined by "of", "de", "van"...; a
    run's leading stop words ("The", "In") are dropped, as sentence-initial capitals are
    not names. Words are given in spans (``name_spans``): a run ends where its span does.
    Each word is read in its ``name_form`` (``language``: sumy's name of the language).
    """
    found: set[str] = set()
    for words in sentence_words:
        run: list[str] = []
        for word in [*words, ""]:
            if word and (_capitalised(word) or (run and word.lower() in _CONNECTORS)):
                run.append(word)
                continue
            while run and (run[-1].lower() in _CONNECTORS):
                run.pop()
            while run and _lead_stop(run[0], stop_words):
                run.pop(0)
            if len(run) >= 2:
                found.add(NAME_PREFIX + "_".join(name_form(w.lower(), language) for w in run))
            run = []
    return found


def _title_cased(words: list[str], language: str) -> bool:
    """Return whether a headline is in Title Case, its long words capitalised: only in
    ``TITLE_CASE_LANGUAGES``."""
    if language not in TITLE_CASE_LANGUAGES:
        return False
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(_capitalised(w) for w in long) >= 0.6 * len(long)


@dataclass(frozen=True, slots=True)
class Features:
    """What the rewrite matcher compares: term counts (names and numbers among them)."""

    terms: Mapping[str, int]
    title: frozenset[str]
    prior: Mapping[str, float]  # share of general articles holding the term, where known
    # The headline's words written in lower case (stemmed): what it says happened, no name.
    # Read whole, a Title Case headline's words that its text writes in lower case.
    plain_title: frozenset[str] = frozenset()
    # The words that spell a figure's size and unit ("310 million euros"), stemmed.
    unit_words: frozenset[str] = frozenset()
    # Read whole: the headline's names of one word as plain words ("@judge": "judg").
    folded: Mapping[str, str] = field(default_factory=dict)


FURNITURE_WORDS = 15  # a line of fewer words that ends no sentence is no part of the report
_LINES = re.compile(r"\s*\n\s*")
_LINE_END = re.compile(r"[.!?…:;。！？।॥][\s\"'’”»)\]]*$")
_LINKS = " | "  # navigation: links in a row, set apart by bars


def _furniture(line: str, following: str) -> bool:
    if line.count(_LINKS) >= 2:
        return True
    if _LINE_END.search(line) or len(line.split(None, FURNITURE_WORDS)) > FURNITURE_WORDS:
        return False
    return not following[:1].islower()  # a lower-case next line: one sentence wrapped


def readable(text: str, chars: int) -> str:
    """Return the text's opening (``chars`` at least, where the text has them) without the
    page furniture a fetched page keeps among its paragraphs.

    A line of fewer than ``FURNITURE_WORDS`` words that ends no sentence, before a line that
    begins a new one, is no sentence of the report: a byline ("By Alberto Souviron"), a
    dateline ("18/11/2004 - 17:36:52", "(Filed: 09/12/2004)"), an ad's label, a photo's
    caption, a subheading. A line of links set apart by bars is navigation. Page extraction
    drops what the page marks as such; it keeps what stands in a plain paragraph, which the
    sentence splitter reads as a sentence of its own, in the place of one of the lead's (on
    a line of its own, not a paragraph, it is glued to the next sentence: "advertisement
    NEW YORK (Reuters) - ..."). Text without line breaks (most feeds' summaries) is read as
    written; so is a text that would keep nothing.
    """
    if "\n" not in text[:chars]:
        return text
    # Lines are split off only as far as the opening may reach; the rest stays as written.
    lines = [line for line in _LINES.split(text.strip(), maxsplit=chars // 10) if line]
    kept: list[str] = []
    size = 0
    for i, line in enumerate(lines):
        if size >= chars:
            kept.extend(lines[i:])  # past the opening, lines are kept as they come
            break
        following = next((n for n in lines[i + 1 :] if n.count(_LINKS) < 2), "")
        if _furniture(line, following):
            continue
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept) if kept else text


def lead(
    text: str,
    title: str,
    tools: LanguageTools,
    *,
    count: int = LEAD_SENTENCES,
    chars: int = LEAD_CHARS,
) -> list[str]:
    """Return the text's first ``count`` sentences (of its first ``chars``), headline apart
    and page furniture skipped (``readable``)."""
    text = readable(text, chars)
    head = text[:chars]
    sentences = tools.sentences(head)
    if len(head) < len(text) and len(sentences) > 1:
        sentences = sentences[:-1]  # the cut may have ended the last one mid-sentence
    folded = " ".join(title.split()).casefold()
    sentences = [s for s in sentences if " ".join(s.split()).casefold() != folded]
    return sentences[:count]


def _terms(
    words: Iterable[str],
    tools: LanguageTools,
    entities: frozenset[str],
    forms: frozenset[str] = frozenset(),
) -> list[str]:
    """Return words' terms: a name (``entities``, or a capitalised word whose name form is
    one of ``forms``) in its name form, any other word stemmed."""
    out = []
    for word in words:
        lower = word.lower().strip(".")
        if len(lower) < 2 or lower in tools.stop_words or lower[0].isdigit():
            continue
        if lower in entities and (tools.name in LOWER_CASE_NAMES or not word.islower()):
            out.append(NAME_PREFIX + name_form(lower, tools.name))
        elif forms and _capitalised(word) and (form := name_form(lower, tools.name)) in forms:
            out.append(NAME_PREFIX + form)
        else:
            out.extend(_compound_terms(lower, tools))
    return out


# German writes compounds as one word (``COMPOUND_LANGUAGES``): one report's "Großbrand",
# "Silberschatz", "Gülleunfall" is another's "Brand", "Schatz", "Gülle", and the two shared no
# term. A compound is read as its parts where it ends with a common word
# (digests/data/word_prior.<code>.txt.gz) of COMPOUND_HEAD_LETTERS letters or more, after
# COMPOUND_PART_LETTERS or more ("zer|stört" is a prefix, no compound), as search reads
# German compounds (``digests.compose``). Not where either part is among the
# COMPOUND_COMMONEST commonest words: "Kauf|preis" and "Bier|preis", "Unternehmens|kreise"
# and "Unternehmen" share a word that says nothing of the event (two same-cast look-alikes
# joined on it in de4), and "Bürger|meister" stays one word.
COMPOUND_COMMONEST = 1000
COMPOUND_PART_LETTERS = 4
PLACE_HEADS = frozenset(
    {
        "hagen",
        "hausen",
        "stadt",
        "stein",
        "bruch",
        "brück",
        "brücke",
        "hofen",
        "leben",
        "walde",
        "felde",
    }
)


def compound_parts(word: str, language: str, stop_words: frozenset[str]) -> list[str]:
    """Return a compound's parts, the word before the common word it ends with and that
    word ("Großbrand": "groß", "brand"; "Produktionshalle": "produktion", "halle"), in a
    language that writes compounds as one word; none for any other word ("übernehmen":
    "über" is a stop word)."""
    code = _CODES.get(language)
    if code not in COMPOUND_LANGUAGES:
        return []
    ranks = _common_ranks(code)
    # A head longer than the longest common word and its longest ending is in no rank:
    # starting where a head can first be one keeps the answer and reads a long word once.
    first = max(COMPOUND_PART_LETTERS, len(word) - _longest_head(code))
    for start in range(first, len(word) - COMPOUND_HEAD_LETTERS + 1):
        head = word[start:]
        forms = _head_forms(head)
        rank = min((ranks[form] for form in forms if form in ranks), default=0)
        if not rank:
            continue
        if PLACE_HEADS.intersection(forms):
            return []  # "Werns|hagen", "Kalten|bruch": a place's name
        modifier = word[:start].rstrip("-")
        if modifier.endswith("s") and len(modifier) > COMPOUND_PART_LETTERS:
            modifier = modifier[:-1]  # a linking "s": "Produktions|halle"
        if rank <= COMPOUND_COMMONEST or modifier in stop_words:
            return []
        if 0 < ranks.get(modifier, 0) <= COMPOUND_COMMONEST:
            return []  # "Bürger|meister", "Polizei|sprecher": one word
        return [modifier, head]
    return []


_HEAD_ENDINGS = (*COMPOUND_ENDINGS, "t", "te", "ten")


def _head_forms(head: str) -> list[str]:
    """Return a compound's head as written and without an inflected ending ("störte")."""
    cut = (head[: -len(e)] for e in _HEAD_ENDINGS if head.endswith(e))
    return [head, *(form for form in cut if len(form) >= COMPOUND_HEAD_LETTERS)]


@lru_cache(maxsize=8)
def _longest_head(code: str) -> int:
    """Return the most letters a head with a rank can have: the longest common word with
    the longest ending ``_head_forms`` cuts."""
    return max(map(len, _common_ranks(code)), default=0) + max(map(len, _HEAD_ENDINGS))


@lru_cache(maxsize=8)
def _common_ranks(code: str) -> dict[str, int]:
    """Return a language's commonest words by rank, 1 the commonest
    (digests/data/word_prior.<code>.txt.gz)."""
    path = Path(__file__).with_name("data") / f"word_prior.{code}.txt.gz"
    if not path.is_file():
        return {}
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    ranks: dict[str, int] = {}
    for rank, line in enumerate(lines, 1):
        ranks.setdefault(line.partition("\t")[0], rank)
    return ranks


def _compound_terms(word: str, tools: LanguageTools) -> list[str]:
    """Return a word's terms: its stem, or a compound's parts' (``compound_parts``), the
    head's as the whole word's stem ends ("Geschäfts|führung", "Geschäfts|führer": "fuhr")."""
    whole = tools.stem(word)
    parts = compound_parts(word, tools.name, tools.stop_words)
    if not parts:
        return [whole]
    head = parts[-1]
    start = len(word[: len(word) - len(head)].replace("ß", "ss"))
    tail = whole[start:] if len(whole) - start >= 3 else tools.stem(head)
    return [*(tools.stem(p) for p in parts[:-1]), tail]


# The endings of a town's people and of its adjective in French and Spanish ("les
# Sauvagnacois", "le club vernassonnais", "la Verlannaise"; "el alcalde torrebermejano",
# "los castrohondinos"), longest first: one report writes the town, another its people.
# The word without the ending is the town's name form (``NAME_ENDINGS`` drop its last
# vowel); a doubled last consonant may be the town's ("Verlanne") or the ending's
# ("Vernasson", "vernassonnais"): both forms. Only a word outside the language's
# ``DEMONYM_COMMONEST`` commonest words ("français", "jamais", "humano", "cercano"), and
# that leaves ``DEMONYM_STEM`` letters. Spanish writes its people in lower case ("los
# castrohondinos"): there a capitalised word is a name as written ("Lorenzana", "Cembrano",
# no town "Lorenz"). French writes them with a capital after an article ("les
# Sauvagnacois", "la Verlannaise"): a town's own name ends alike ("à Pontmarais", "Gazette
# du Morvillois") and is read as written.
DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {
    "french": ("oises", "aises", "oise", "aise", "ois", "ais"),
    "spanish": (
        "anos", "anas", "eños", "eñas", "inos", "inas", "enses", "ense",
        "ano", "ana", "eño", "eña", "ino", "ina",
    ),
}  # fmt: skip
DEMONYM_STEM = 5
DEMONYM_ARTICLES = {"french": frozenset({"les", "des", "aux", "la", "le", "une", "un"})}
_DOUBLED = re.compile(r"([^aeiouy])\1$")


def demonym_places(spans: Iterable[list[str]], tools: LanguageTools) -> list[str]:
    """Return the name terms of the towns whose people or adjective words name
    (``DEMONYM_ENDINGS``): "@sauvagnac" of "Sauvagnacois", "@torrebermej" of
    "torrebermejano"; none outside French and Spanish."""
    endings = DEMONYM_ENDINGS.get(tools.name)
    code = _CODES.get(tools.name)
    if endings is None or code is None:
        return []
    common = _common_ranks(code)
    articles = DEMONYM_ARTICLES.get(tools.name, frozenset())
    found = []
    for words in spans:
        for i, word in enumerate(words):
            before = words[i - 1] if i else ""
            lower = word.lower()
            if lower in common or lower in tools.stop_words:
                continue
            if lower != word and before.lower() not in articles:
                continue
            ending = next((e for e in endings if lower.endswith(e)), None)
            if ending is None or len(lower) - len(ending) < DEMONYM_STEM:
                continue
            base = lower[: -len(ending)]
            if not base.isalpha():
                continue
            found.append(NAME_PREFIX + base)
            if _DOUBLED.search(base):
                found.append(NAME_PREFIX + base[:-1])
    return found


def _entity_forms(entities: frozenset[str], language: str) -> frozenset[str]:
    """Return the name forms of a text's names where names decline (``NAME_ENDINGS``).

    A sentence's first word says by its capital alone nothing of a name; where names decline
    the same name is often written in another case inside a sentence ("Бондаренко сяде ...",
    "справі ... Бондаренка"; "Verbychi" likewise), and is a name then: one ``name_form``.
    Elsewhere a name is known only as written (``_entities``): none.
    """
    if language not in NAME_ENDINGS:
        return frozenset()
    return frozenset(name_form(e, language) for e in entities)


def quoted_spans(text: str, language: str | None) -> list[list[str]]:
    """Return a sentence's words in spans that begin where it does, where a quotation opens
    or, outside English, where a headline's next sentence begins (``_SENTENCE_STOP``).

    "Santorum: 'Phony theology' comment ...": "Phony" is capitalised as the quotation's first
    word, no name, as "Phony" opening a sentence is none (``_entities``).
    """
    return [
        words
        for sentence in _sentences_apart(text, language)
        for part in _QUOTE_OPENS.split(sentence)
        if (words := _split_words(part, language))
    ]


# German capitalises every noun, so it reads no names (``NOUN_CAPITALISING``): a look-alike's
# cast counted as the event's words ("Geschäftsführerin Dagmar Brennecke", "Museumsleiterin
# Hanne Riedlinger", "Gewerkschaftssekretär Dominik Kolbenschlag": de3, de5, de8). A person
# named after a role ("...führerin", "...leiterin", "Herr", "Frau", "Landrätin") by two
# capitalised words none of the language's ``PEOPLE_COMMONEST`` commonest has a given name,
# the first: that one is a name. Not the surname, which is a family firm's name as often
# ("Brennecke Antriebstechnik", "Ruderer Reisen", "Inhaber Gerold Ruderer") and which the
# event's reports share as a word: reading it as a name too cost de2 and de8 seven pairs.
ROLE_ENDINGS = (
    "führer", "führerin", "meister", "meisterin", "leiter", "leiterin", "sekretär",
    "sekretärin", "chef", "chefin", "sprecher", "sprecherin", "präsident", "präsidentin",
    "direktor", "direktorin", "trainer", "trainerin", "vorsitzende", "vorsitzender", "herr",
    "frau", "rat", "rätin", "minister", "ministerin", "kommissar", "kommissarin", "vorsteher",
    "vorsteherin", "inhaber", "inhaberin", "gründer", "gründerin",
)  # fmt: skip
PEOPLE_COMMONEST = 6000


def given_names(sentences: Iterable[list[str]], language: str) -> frozenset[str]:
    """Return the given names, lower case, of the people sentences name after their role
    where every noun has a capital (``ROLE_ENDINGS``): "Dagmar" of "Geschäftsführerin
    Dagmar Brennecke"; not "Brennecke", nor a common word ("Leiterin Neue Medien")."""
    ranks = _common_ranks(_CODES.get(language, ""))
    found: set[str] = set()
    for words in sentences:
        for role, first, last in zip(words, words[1:], words[2:], strict=False):
            if not (
                _capitalised(role)
                and role.lower().endswith(ROLE_ENDINGS)
                and _capitalised(first)
                and _capitalised(last)
            ):
                continue
            if all(not 0 < ranks.get(w.lower(), 0) <= PEOPLE_COMMONEST for w in (first, last)):
                found.add(first.lower())
    return frozenset(found)


def _entities(sentence_words: Iterable[list[str]], stop_words: frozenset[str]) -> frozenset[str]:
    """Return the words written with a capital inside a sentence: names, not openings.

    Given as spans (``quoted_spans``): a quotation's first word opens a span too.
    """
    return frozenset(
        w.lower()
        for words in sentence_words
        for w in words[1:]
        if _capitalised(w) and w.lower() not in stop_words
    )


# Languages that write a firm's or a place's name in guillemets with a capital on its first
# word only ("агрохолдинг «Северный злак»", "урочище «Горелый лог»", "«Смачна ланка»"),
# where English writes each word with one ("Northern Grain").
GUILLEMET_NAMES = frozenset({"russian", "ukrainian"})
# Such a name: two or three words in guillemets, the first capitalised, no mark inside; not
# a quotation, which a colon or a comma and a dash follow ("«Нарешті вдома»: ...", "«Мы
# сохраним места», — сказал").
_GUILLEMET_NAME = re.compile(r"«(\w[\w-]*)((?: [\w-]+){1,2})»(?!\s*:|,\s*[\u2013\u2014-])")


def _guillemet_names(text: str) -> str:
    """Return a text with the lower-case words of its names in guillemets capitalised, as the
    name's first word is (``GUILLEMET_NAMES``): "«Северный злак»" reads "«Северный Злак»"."""

    def capitalised(match: re.Match[str]) -> str:
        first, rest = match.group(1), match.group(2)
        if not _capitalised(first):
            return match.group(0)
        words = " ".join(w[:1].upper() + w[1:] for w in rest.split())
        return f"«{first} {words}»"

    return _GUILLEMET_NAME.sub(capitalised, text) if "«" in text else text


def _title_case_entities(
    entities: frozenset[str], words: Iterable[list[str]], runs: Iterable[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """Return a Title Case headline's names and its text's, of the text's capitalised words.

    Such a headline capitalises every word, so a word of it is a name only where its text
    writes it with a capital and never in lower case: "G-7 Nations Call For WHO-Led
    Investigation Into COVID-19 Origins" whose text writes "origins" and "investigation"
    says those as the other reports' headlines do. Its text's word written both ways is a
    word too ("the Congressman" and "the congressman": "congressman"), unless it belongs to
    one of the text's names of several words ("Mount Cook", "the mount": a name still).
    English only (``TITLE_CASE_LANGUAGES``).
    """
    lowered = {w for sentence in words for w in sentence if w.islower()} & entities
    if not lowered:
        return entities, entities
    parts = {part for name in runs for part in name[1:].split("_")}
    return entities - lowered, entities - {w for w in lowered if w not in parts}


def features(
    title: str, text: str, language: str | None = None, *, whole: bool = False
) -> Features:
    """Return the terms of an article's title and lead, in its own language's rules.

    ``whole``: of the title and the whole text (its first ``BODY_CHARS``), for a second look.
    A genre label opening the title ("Explainer:", ``labelled``) is no term: two explainers
    of two events share it.
    """
    tools = language_tools(language)
    title = unlabelled(title, tools.name)
    if tools.name in GUILLEMET_NAMES:
        title, text = _guillemet_names(title), _guillemet_names(text)
    sentences = (
        lead(text, title, tools, count=len(text), chars=BODY_CHARS)
        if whole
        else lead(text, title, tools)
    )
    title_words = _split_words(title, tools.name)
    words = [_split_words(s, tools.name) for s in sentences]
    # A title in Title Case capitalises every word: only its words' use in the text counts.
    title_cased = _title_cased(title_words, tools.name)
    opening = sentences if title_cased else [title, *sentences]
    # Where every noun has a capital, a capital says nothing about names.
    if tools.name in NOUN_CAPITALISING:
        opening = []
    written = [span for s in opening for span in quoted_spans(s, tools.name)]
    entities = _entities(written, tools.stop_words)
    if tools.name in NOUN_CAPITALISING:
        entities |= given_names([title_words, *words], tools.name)
    forms = _entity_forms(entities, tools.name)
    spoken = sentences if title_cased else [title, *sentences]
    if tools.name in NOUN_CAPITALISING:
        spoken = []
    spans = [w for s in spoken for w in name_spans(s, tools.name)]
    runs = names(spans, tools.stop_words, tools.name)
    headline_entities = entities
    if title_cased:
        headline_entities, entities = _title_case_entities(entities, words, runs)
    title_terms = _terms(title_words, tools, headline_entities, forms)
    counts: Counter[str] = Counter()
    for _ in range(TITLE_WEIGHT):
        counts.update(title_terms)
    for sentence in words:
        counts.update(_terms(sentence, tools, entities, forms))
    counts.update(runs)
    counts.update(demonym_places([title_words, *words], tools))
    # A headline is a line of its own: its last number word and the text's first are two
    # numbers ("... четырнадцать с половиной миллионов" / "Девятерых ...", "... save £1.1
    # million" / "Five of Walsall's ...": 1.1 million and 5, not 1,000,005).
    said = "\n".join([title, *sentences])
    counts.update(quantities(said, tools.name, stem=tools.stem, stop_words=tools.stop_words))
    common = background(tools.name)
    prior = {t: common[t] for t in counts if t in common}
    plain = frozenset(_terms([w for w in title_words if w.islower()], tools, entities))
    if whole and title_cased and written:
        # A Title Case headline writes no word in lower case; read whole, its words are
        # those its text writes so: "AARP Open to Social Security Cuts" says "cuts", "open".
        plain |= {t for t in title_terms if t[0] != NAME_PREFIX}
    units = [tools.stem(w) for w in magnitude_words(said) if w not in tools.stop_words]
    folded = {t: tools.stem(t[1:]) for t in title_terms if t[0] == NAME_PREFIX} if whole else {}
    return Features(
        counts,
        frozenset(title_terms),
        prior,
        plain,
        frozenset(u for u in units if u in counts),
        folded,
    )


_CODES = {name: code for code, name in NAMES.items()}

# Languages whose prior is stemmed by sumy's stemmer alone, not by the language's own rules
# (``language_tools``). Ukrainian's rules were tuned, round after round, with such a prior
# (``normalise_tag`` read no name longer than eight letters, so "ukrainian" had no rules):
# its stems, neither cut to five letters nor folded ("обласн", "головн"), match only the
# articles' terms of five letters or fewer, and the prior weighs nearly nothing. Stemmed
# by the rules, it moves uk1-uk5 both ways (bench/RESULTS.md, "names longer than eight
# letters"): kept as it was, on purpose, until Ukrainian is tuned with it.
PRIOR_SUMY_STEMS = frozenset({"ukrainian"})


@lru_cache(maxsize=32)
def background(language: str) -> Mapping[str, float]:
    """Return the share of general articles that hold each common term of a language.

    From digests/data/word_prior.<code>.txt.gz (the commonest words and their frequency in
    general text): a term of several words (stems alike) adds their frequencies ``f``; an
    article of ``PRIOR_WORDS`` words holds it with chance 1 - exp(-f * PRIOR_WORDS). A
    one-word name ("@tuesday") is looked up as its word. Without a file: nothing is common.
    Words are stemmed as the language's articles are, but in ``PRIOR_SUMY_STEMS``.
    """
    code = _CODES.get(language)
    path = Path(__file__).with_name("data") / f"word_prior.{code}.txt.gz"
    if code is None or not path.is_file():
        return {}
    if language in PRIOR_SUMY_STEMS:
        stem = _sumy_stemmer(language)
    else:
        stem = language_tools(language).stem
    frequency: dict[str, float] = {}
    names: dict[str, float] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        word, _, zipf = line.partition("\t")
        f = 10 ** (float(zipf) - 9)
        frequency[stem(word)] = frequency.get(stem(word), 0.0) + f
        name = NAME_PREFIX + name_form(word, language)
        names[name] = max(names.get(name, 0.0), f)  # a name's cases are one name
    shares = {t: -math.expm1(-f * PRIOR_WORDS) for t, f in (*frequency.items(), *names.items())}
    return shares


def idf(df: int, total: int, prior: float = 0.0) -> float:
    """Return the inverse document frequency of a term held by df of ``total`` articles.

    The counts start from ``PRIOR_DOCS`` articles of general text, of which ``prior`` (a
    share) hold the term: a new database's few articles would make every word look equally
    rare, and the everyday words two reports share would weigh as much as the event's own.
    As articles accumulate, their counts outweigh the prior.
    """
    return math.log((1 + total + PRIOR_DOCS) / (1 + df + prior * PRIOR_DOCS)) + 1.0


def tf_idf(count: int, df: int, total: int, prior: float = 0.0) -> float:
    """Return the weight of a term seen ``count`` times (sublinear term frequency)."""
    return (1.0 + math.log(count)) * idf(df, total, prior)


def weighs(term: str) -> bool:
    """Return whether a term weighs in a cosine: a hedged figure ("#≈50") only says how near
    its plain key ("#50", which weighs) another report's figure may be (``hedged_numbers``)."""
    return not term.startswith(HEDGED_PREFIX)


def weighted(
    terms: Mapping[str, int],
    df: Mapping[str, int],
    total: int,
    prior: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Return the unit-length TF-IDF vector of term counts (hedged figures aside: ``weighs``)."""
    common = prior or {}
    vector = {
        t: tf_idf(n, df.get(t, 0), total, common.get(t, 0.0)) for t, n in terms.items() if weighs(t)
    }
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {t: w / norm for t, w in vector.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Return the dot product of two unit vectors (their cosine)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


# --- assigning stories -------------------------------------------------------------------

# The rules that turn an article into indexed terms (features, quantities, the prior): a
# change makes the index of the last WINDOW be built again by the new rules (stories stay).
# 5: a number hyphened to its scale ("310-million-dollar") keys with it (#3.1e+08, not #310).
# 7: spans of time key with their unit ("#41:year"), run times by their seconds; 6 was taken
# by a branch that was not merged (bench/RESULTS.md), whose windows must not pass as current.
# 8: a score or tally ("3-2") keys as one figure ("#3-2"), not as a small count ("#2:after").
# 9: a comma, parentheses or a dash end a name ("PARIS (AFP) - Jean Dupont": not one name).
# 10: house styles read alike (digests/house_style.py): curly quotes, English honorifics.
# 11: words after an opening single quote kept; dotted acronyms ("F.B.I.", "US") one style.
# 12: a run of Chinese, Japanese or Thai letters in a language without rules is its pairs of
# letters, and such languages' sentences end at their script's marks (digests/unspaced.py).
# 13: a language with rules is stemmed and stop-worded by them (Russian, Polish, Greek,
# Dutch, Danish, Finnish, Norwegian read otherwise before; English and the rest alike).
# 14: other languages than English read alike where English was read so already: names in
# guillemets and low quotes, French and Italian elided words apart, names without their case
# ending in Russian and Ukrainian, the stop-words package's list beside sumy's, Russian number
# words and scales, thousands grouped by a full stop or a space, "18 m" as metres (English
# articles' terms are unchanged: compared on every English labelled set's 6,489 articles).
# 15: figures outside English: "and a half" ("un million et demi", "eineinhalb"), scores as
# "27 à 13" and "3:1", spans of time keyed with their unit; Russian participles stemmed as
# their verbs (English terms again unchanged).
# 18: collective numbers are figures in Polish, Ukrainian and Russian ("czternaścioro dzieci",
# "троє дітей", "пятеро детей": 14, 3, 5); where names decline, a sentence's capitalised first
# word is a name when the text writes that name in another case inside a sentence.
# 20: in Russian and Ukrainian, a name in guillemets with a capital on its first word only
# ("«Северный злак»") is a name in every word, as English writes it; an Italian age in one
# word ("diciottenne") is its figure, as "18enne" is (English unchanged).
# 21: German compounds split where they end with a common word ("Großbrand": "groß",
# "brand"; ``compound_parts``), as "Brand" is in another report (English unchanged).
# 22: outside English, a name's word written in lower case is a word ("les vergers" beside
# "Vergers de la Lize": "verger"; ``LOWER_CASE_NAMES``), as other reports write it.
# 23: outside English, no headline is read as Title Case (``TITLE_CASE_LANGUAGES``): its
# capitals are names; a road's code ("CJP-110", "nr 618") is no figure (English unchanged).
# 24: a score written in words after "le score de" ("sur le score de 27 à 24") and in German
# ("31 zu 29") keys as a score, "#31-29", as "31:29" does (English unchanged).
# 25: French and Spanish names without their last vowel ("@verlann", "@torrebermej"), and a
# town's people or adjective read as the town ("les Sauvagnacois", "torrebermejano":
# ``DEMONYM_ENDINGS``) (English unchanged).
# 26: an English Title Case headline's word is a name only where its text never writes it in
# lower case, and that text's word written both ways is a word, outside its names of several
# words (``_title_case_entities``; other languages unchanged).
# 27: an aircraft's model ("Ан-24") no figure, a score spelled out ("por tres a uno", "со
# счётом четыре — два") keyed as a score, and outside English a name run ending at a colon
# or a double quotation mark (English unchanged).
# 28: counts of tens and hundreds, percentages in words, German given names after a role.
# 29: outside English (and German), a hedged figure ("майже 50", "casi seis de cada diez")
# keys hedged too ("#≈50", weighing nothing: ``hedged_numbers``), a share in words is a
# percentage ("jedna piąta" 20 %), half a hundred is 50 (English unchanged).
# 32: outside English, number words do not run on from a headline into its text
# ("четырнадцать с половиной миллионов" / "Девятерых": 14.5 million and 9, not 1000009).
# 33: in English too (samebeat16 "£1.1 million" / "Five": 1.1 million and 5); "une
# quatorzaine", "una trentina", "ein Dutzend" are a figure, hedged (14, 30; German 12);
# "шесть человек", "sei persone" key their count as "sześć osób" does.
# 34: outside English, an amount in words with its unit in the middle ("drei Euro und zwanzig
# Cent", "dos euros con cincuenta") is one figure (3.2, 2.5), and a clock time with a point
# or a spaced "h" ("hacia las 10.30", "gegen 3.10 Uhr", "7 h 15") a time.
INDEX_VERSION = 34
WINDOW = timedelta(hours=48)
# The processing pass runs on the bot's event loop: it clusters this many articles at a time
# (an article takes a few ms, about 5-7 in a 100k window on a 2-vCPU machine: a batch holds the
# loop about 60 ms, what a command waits at most behind it) and pauses between batches long
# enough for the bot to read and answer what came in meanwhile. Batches of 50 held it ~300 ms
# for no gain per article (bench/RESULTS.md).
CLUSTER_BATCH = 10
CLUSTER_PAUSE = 0.02  # seconds
# An index made again (new rules, see INDEX_VERSION) is made this many articles at a time by
# the processing pass (about 2-2.5 ms CPU each at 100k: ~50 ms a step), with the same pause
# between steps.
REINDEX_BATCH = 20
FRESH = timedelta(hours=18)
RETAIN = 2 * WINDOW
MAX_KEYS = 10
KEY_MAX_DF = 200
MAX_CANDIDATES = 10
MIN_SHARED_TERMS = 5
REWRITE_THRESHOLD = 0.40
NUMBER_BONUS = 0.15
CONTENT_NEEDED = REWRITE_THRESHOLD / 2
MIN_SHARED_ENTITIES = 4
SECOND_LOOK_FLOOR = 0.25  # a lead score this close earns a look at the whole texts
SECOND_LOOK_MAX = 3  # of the closest candidates
FAINT_FLOOR = 0.15  # this close, under a shared headline term: a look when nothing passed
HEADLINE_WORDS = 0.15  # words' part of a figure-free second look under one headline word
HEADLINES_MEET = 2  # headline words two reports share, with a name: whole texts' lower bar
MEET_FLOOR = 0.30  # that bar
HEADLINE_RARE = 0.01  # a headline word this rare in general text meets alone (English)
RARE_WORD_LANGUAGES = frozenset({"english"})  # where it does (``headlines_meet``)
HEADLINE_SHARE = 0.33  # and their share of its score at least: names do not carry it
UNION_FLOOR = 0.10  # a candidate this close counts towards its story's union
UNION_HEADLINE_WORDS = 0.22  # a whole-text union's words, under a shared headline word
WORDS_ALONE = 0.30  # the shared words' own part of the cosine (names and figures aside)
CONTENT_ALONE = 0.35  # the same with the number bonus: words and figures, names aside
STRANGER_NAMES = 2  # names an article gives to be told apart by them
HEAD_MIN = 3  # a headline's rare name longer than this tells two events apart
KIN_PREFIX = 4  # letters two forms of a name begin with alike: Swed-en, Swed-ish
KIN_ENDING = 5  # letters at most that each form ends in after that: Norw-ay, Norw-egian
MEASURE_RATIO = 1.5  # two amounts of one kind agree within this factor ("over four tonnes")
SUBJECT_SENTENCES = 4  # a headline's person is named in full this early in the text
AGE_SLACK = 1  # two ages of an unnamed person agree within this many years
LATER = timedelta(hours=6)  # a story begun this long before an article: its headlines must meet
ALONE_BEFORE = timedelta(hours=4)  # a first article alone this long may be a look-alike first
LONG_BEFORE = timedelta(hours=10)  # a story of one candidate this old: its headline, a figure
NAMES_BEFORE = timedelta(hours=4)  # a story this old: the event's words, not names alone
NAMES_WORDS = 0.10  # the shared words' part of the cosine a story that old needs, no figure
NEXT_MORNING = timedelta(hours=14)  # a story this old: a figure shared with one of its reports
LABEL_FLOOR = 0.15  # a labelled piece's lead this close to a recent report joins its story
LABEL_SHARED = 4  # terms it shares with that report at least
LABEL_WORDS = 0.08  # and the shared words' part of the cosine, names aside
PAGE_WORDS = 150  # a text this long is a fetched page, not a feed's teaser (English)
PAGE_FLOOR = 0.45  # two pages' whole texts this close join under a faint lead, no headline term
MERGE_BEFORE = timedelta(hours=2)  # a story begun this long before the one joined stays apart
NEAR_HOURS = timedelta(hours=1)  # outside English, a lead under the threshold this close in time
NEAR_WORDS = 0.15  # and under the floor, when the shared words (names aside) make this much
FIGURES_APART = 2  # figures each of two such leads states, none shared: two acts, not one
FIGURE_HOURS = NEAR_HOURS  # this close, one plain figure and names, no act's words: two acts
HEAD_LETTERS = 4  # a compound's head in no rank, this long at least, counts as shared (German)
HEAD_DF = 3  # and held as a term by this many indexed articles at most
HEAD_LANGUAGES = frozenset({"german"})
LARGE_FIGURE = 1_000  # outside English, a shared figure this large counts twice (an amount)
FIGURES_TWICE = 2  # and so do this many shared figures of any kind

# A clause telling who a named person is by what they did ("Gruffydd Culhane, who made steel
# poppies for the memorial's centenary, said"): a later article's recall of the earlier event.
WHO_BEFORE = {"english": re.compile(r", who(?:se)? [^,.;:!?]*,")}

_YEAR = re.compile(r"^#(19|20)\d\d$")
# A few units of time ("#2:year", "two years"; "six hours"), stemmed as English stems them.
_DURATION_UNITS = frozenset({"second", "minut", "hour", "day", "week", "month", "year", "decad"})


def _duration(term: str) -> bool:
    """Return whether a term is a small count of units of time: "#2:year", "#6:hour".

    Larger spans key with their unit too ("#52:second", "#40:year": ``digests.quantities``),
    and count as figures: "took 52 seconds off the record", a 40-year lease.
    """
    count, colon, unit = term.partition(":")
    return (
        bool(colon) and count[1:].isdigit() and int(count[1:]) < SMALL and unit in _DURATION_UNITS
    )


def _small_count(term: str) -> bool:
    """Return whether a term is a small count keyed with what it counts: "#2:factori"."""
    count, colon, _ = term.partition(":")
    return bool(colon) and count[1:].isdigit() and int(count[1:]) < SMALL


def _span(term: str) -> bool:
    """Return whether a term is a span of time of any length: "#41:year", "#7796:second"."""
    _, colon, unit = term.partition(":")
    return bool(colon) and not term.startswith(TIME_PREFIX) and unit in _DURATION_UNITS


_SCORE = re.compile(r"^#\d+-\d+$")


def _score(term: str) -> bool:
    """Return whether a term is a score or a tally: "#3-2" (``digests.quantities``)."""
    return bool(_SCORE.match(term))


def _unix(moment: datetime) -> int:
    return int(moment.timestamp())


def encode(terms: Mapping[str, int]) -> str:
    """Return term counts as stored: each term repeated by its count, space separated."""
    return " ".join(t for t, n in sorted(terms.items()) for _ in range(n))


def decode(stored: str) -> Counter[str]:
    """Return the term counts of a stored string."""
    return Counter(stored.split())


def shared_numbers(
    a: Mapping[str, object],
    b: Mapping[str, object],
    *,
    durations: bool = True,
    counts: bool = True,
    spans: bool = True,
    scores: bool = True,
) -> int:
    """Return how many figures two term sets share, years and dates aside.

    ``durations``: whether a few units of time ("#2:year") count; not on a second look.
    ``counts``, ``spans``, ``scores``: whether small counts ("#2:factori"), spans of time
    ("#41:year") and scores ("#6-1") count.

    "2026" says little, and a date says when, not what: two pieces about one fixture or
    ceremony share it ("the testimonial at Twickenham on 4 June").
    """
    exact = sum(
        1
        for t in a
        if t[0] == NUMBER_PREFIX
        and t in b
        and not _YEAR.match(t)
        and not t.startswith((DATE_PREFIX, VAGUE_PREFIX))
        and (durations or not _duration(t))
        and (counts or not _small_count(t))
        and (spans or not _span(t))
        and (scores or not _score(t))
    )
    return exact + rounded_numbers(a, b) + hedged_numbers(a, b)


ROUND_MIN = 100  # a figure this large may be rounded by another outlet: 320 flights, "300"
ROUND_TO = 100  # to a multiple of this at least
ROUND_SHARE = 0.1  # and by at most this share of the figure


def _figures(terms: Mapping[str, object]) -> list[float]:
    found = []
    for t in terms:
        if t[0] == NUMBER_PREFIX and not _YEAR.match(t):
            try:
                value = float(t[1:])
            except ValueError:
                continue  # a date, a time, a percentage, a small count
            if value >= ROUND_MIN:
                found.append(value)
    return found


def _rounds(x: float, y: float) -> bool:
    """Return whether ``y`` is ``x`` rounded to one or two significant digits and to hundreds.

    "More than 300 flights" of 320, "four tonnes" of 4,100kg, "45,000" of 44,700; not 150
    of 149 nor 130 of 132 (two prices or scores of tens differ so by chance), nor 200 of
    250: by more than ``ROUND_SHARE`` of the figure.
    """
    if x == y or y % ROUND_TO or abs(x - y) > ROUND_SHARE * x:
        return False
    scale = 10 ** math.floor(math.log10(x))
    return any(round(x / (scale / 10**d)) * (scale / 10**d) == y for d in (0, 1))


def rounded_numbers(a: Mapping[str, object], b: Mapping[str, object]) -> int:
    """Return how many figures of one article the other states rounded ("more than 300" of 320).

    Figures of ``ROUND_MIN`` or more only, years aside; each figure of ``a`` counts once.
    """
    theirs = _figures(b)
    if not theirs:
        return 0
    return sum(1 for x in _figures(a) if any(_rounds(x, y) or _rounds(y, x) for y in theirs))


HEDGE_SHARE = 0.1  # a hedged figure agrees with one this share of the larger from it


def _hedged_figures(terms: Mapping[str, object], hedged: bool) -> list[tuple[float, bool]]:
    """Return the figures (value, whether a percentage) stated hedged or not, years aside."""
    found = []
    for t in terms:
        if hedged != t.startswith(HEDGED_PREFIX) or (not hedged and t[0] != NUMBER_PREFIX):
            continue
        body = t[len(HEDGED_PREFIX) :] if hedged else t[1:]
        percent = body.endswith("%")
        try:
            value = float(body.rstrip("%"))
        except ValueError:
            continue  # a date, a time, a score, a small count
        if not percent and value.is_integer() and 1900 <= value < 2100:
            continue  # "около 2020": a year
        if value > 0:
            found.append((value, percent))
    return found


def _rounded_to(x: float, y: float) -> bool:
    """Return whether ``x`` is ``y`` rounded: to one or two significant digits, or to a half
    of its first ("almost 50" of 46, "almost three and a half million" of 3.4 million; not
    "about 11,000" of 11,500 spectators)."""
    if x == y or y <= 0:
        return x == y
    scale = 10 ** math.floor(math.log10(y))
    steps = (scale, scale / 10, scale / 2)
    return any(math.isclose(math.floor(y / step + 0.5) * step, x) for step in steps)


def _near(x: tuple[float, bool], y: tuple[float, bool]) -> bool:
    """Return whether two figures of one kind agree, one stated hedged: within
    ``HEDGE_SHARE`` of the larger, and one the other rounded (``_rounded_to``)."""
    if x[1] != y[1] or abs(x[0] - y[0]) > HEDGE_SHARE * max(x[0], y[0]):
        return False
    return _rounded_to(x[0], y[0]) or _rounded_to(y[0], x[0])


def _rounded(x: tuple[float, bool], y: tuple[float, bool]) -> bool:
    """Return whether ``rounded_numbers`` counts this pair already."""
    if x[1] or y[1] or min(x[0], y[0]) < ROUND_MIN:
        return False
    return _rounds(x[0], y[0]) or _rounds(y[0], x[0])


def hedged_numbers(a: Mapping[str, object], b: Mapping[str, object]) -> int:
    """Return how many figures of one article the other states near enough, either hedged.

    Outside English a figure after "almost", "more than", "about" keys hedged too ("#≈50"
    beside "#50": ``digests.quantities.HEDGED_PREFIX``); it agrees with the other's figure
    rounded (``_near``: "майже 50 сіл" of 46; "casi 60 %" of "56,2 %"). Each
    figure of ``a`` counts once; one both state alike, or rounded (``rounded_numbers``), is
    counted already.
    """
    if not any(t.startswith(HEDGED_PREFIX) for t in (*a, *b)):
        return 0
    mine_hedged, theirs_hedged = set(_hedged_figures(a, True)), set(_hedged_figures(b, True))
    mine, theirs = set(_hedged_figures(a, False)), set(_hedged_figures(b, False))
    return sum(
        1
        for x in mine
        if x not in theirs
        and any(_near(x, y) and (x in mine_hedged or y in theirs_hedged) for y in theirs)
        and not any(_rounded(x, y) for y in theirs)
    )


def shared_dates(a: Mapping[str, object], b: Mapping[str, object]) -> int:
    """Return how many dates ("4 June": ``#d06-04``) two term sets share."""
    return sum(1 for t in a if t.startswith(DATE_PREFIX) and t in b)


def rewrite_score(cos: float, shared_numbers: int) -> float:
    """Return the evidence that two articles report one event: cosine, more with a number."""
    return cos + (NUMBER_BONUS if shared_numbers else 0.0)


def figures_bonus(
    mine: Mapping[str, object], theirs: Mapping[str, object], numbers: int, language: str | None
) -> float:
    """Return the bonus two leads' shared figures earn beyond ``rewrite_score``'s.

    ``numbers``: the figures the two share (``shared_numbers``). Outside English, one more
    ``NUMBER_BONUS`` when they share ``FIGURES_TWICE`` figures (a figure both hedge, "ponad
    300", once), or one of ``LARGE_FIGURE`` or more as both write it (years, dates, times,
    scores and counts keyed with their word aside). Rewrites of one event told hours apart
    share its sums and crowds ("około 90 tys." litres of stolen diesel, "Dziewięćdziesiąt
    tysięcy") and few of its words; the same beat's other events share small figures (a
    provincial road's number, a two-year sentence) but rarely a large one or two figures
    (none in the labelled sets).
    """
    if not numbers or language_name(language) == DEFAULT_LANGUAGE:
        return 0.0
    shared = [t for t in mine if t[0] == NUMBER_PREFIX and t in theirs]
    # "ponad 300" keys as "#300" and "#≈300": one figure, which ``shared_numbers`` counts
    # twice when both hedge it.
    twice = sum(1 for t in shared if t.startswith(HEDGED_PREFIX))
    if numbers - twice >= FIGURES_TWICE:
        return NUMBER_BONUS
    if any(v >= LARGE_FIGURE for v in _values(shared, counts=False)):
        return NUMBER_BONUS
    return 0.0


def entities(names: Iterable[str]) -> int:
    """Return how many people, companies or places name terms stand for.

    "@sabine_krol", "@sabine" and "@krol" are one: a word of a multiword name is no other.
    A name and its form one letter shorter are one too: "@vaubrenn" (the town without its
    last vowel) and "@vaubren" (read from its adjective, "vaubrennois": ``DEMONYM_ENDINGS``).
    """
    found = set(names)
    runs = [t[1:].split("_") for t in found if "_" in t]
    parts = {w for run in runs for w in run}
    single = {t[1:] for t in found if "_" not in t and t[1:] not in parts}
    return len(runs) + sum(1 for w in single if w[:-1] not in single or len(w) < 5)


def names_only(content_score: float, shared_names: Iterable[str]) -> bool:
    """Return whether a match rests on names alone: too little else, too few names.

    ``content_score`` is the rewrite score of the shared words and figures without the
    names. Below ``CONTENT_NEEDED`` the two share little but names; that makes one event
    only when they name ``MIN_SHARED_ENTITIES`` or more people, companies or places (a
    match report's teams and scorers): a look-alike shares its subject (a company, its
    chief executive and its plant), not the whole cast.
    """
    return content_score < CONTENT_NEEDED and entities(shared_names) < MIN_SHARED_ENTITIES


def _locale(language: str) -> Locale | None:
    """Return Babel's locale of a supported language ("english"), or None."""
    code = _CODES.get(language)
    if code is None:
        return None
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=32)
def calendar_words(language: str) -> frozenset[str]:
    """Return a language's names of days and months, lower case ("tuesday", "september").

    From Babel's locale data. Written with a capital they read as names, but two reports
    of one day share them whatever happened.
    """
    locale = _locale(language)
    if locale is None:
        return frozenset()
    words: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for table in (get_day_names, get_month_names):
                words.update(
                    str(v).lower().strip(".") for v in table(width, context, locale).values()
                )
    # and as names are read where they decline ("марта", "март": ``name_form``)
    return frozenset(words | {name_form(w, language) for w in words})


@lru_cache(maxsize=32)
def weekdays(language: str) -> frozenset[str]:
    """Return a language's names of the days of the week, lower case ("tuesday")."""
    locale = _locale(language)
    if locale is None:
        return frozenset()
    found = {str(v).lower() for v in get_day_names("wide", "format", locale).values()}
    return frozenset(found | {name_form(w, language) for w in found})


def days(terms: Mapping[str, int], language: str | None) -> frozenset[str]:
    """Return the days of the week an article's terms name ("@tuesday", "@tuesday_night")."""
    week = weekdays(language_tools(language).name)
    return frozenset(w for t in terms if t[0] == NAME_PREFIX for w in t[1:].split("_") if w in week)


@dataclass(frozen=True, slots=True)
class _Names:
    """Who and where an article names: whole names and the words that stand alone."""

    runs: frozenset[str]  # multiword names, "statistics_canada"
    alone: frozenset[str]  # words named on their own, "canada", "sandahl"
    words: frozenset[str]  # every word of every name
    # Read once for ``_knows``, which compares one article's names with each candidate's:
    language: str = DEFAULT_LANGUAGE  # the name of the language the rest was read in
    run_words: frozenset[str] = frozenset()  # every word of every run
    rare: frozenset[str] = frozenset()  # those no common name of the language ("koflin")
    kin: Mapping[str, list[str]] = field(default_factory=dict, compare=False)  # by beginning

    @property
    def count(self) -> int:
        return len(self.runs) + len(self.alone)


def _names(terms: Mapping[str, int], language: str | None) -> _Names:
    """Return the names of an article's terms, days and months aside.

    A run whose first word is no name of its own began a sentence ("Governor Anders
    Kjellin said", "Surprise Swedish rate cut"): that word is dropped. A word of a run
    written more often than its runs stands alone too: "Statistics Canada" and "Canada"
    are two names.
    """
    tongue = language_tools(language).name
    calendar = calendar_words(tongue)
    found = {t[1:]: n for t, n in terms.items() if t[0] == NAME_PREFIX and t[1:] not in calendar}
    runs: set[str] = set()
    within: dict[str, int] = {}
    single: list[str] = []  # one-word names of two letters or more
    words: set[str] = set()
    for name, count in found.items():
        if "_" not in name:
            if len(name) > 1:
                single.append(name)
            continue  # one word, no day or month: no run
        split = name.split("_")
        words.update([w for w in split if len(w) > 1])
        parts = [w for w in split if w not in calendar]
        if len(parts) > 1 and parts[0] not in found:
            parts = parts[1:]  # "Governor Anders Kjellin said": a sentence's first word
            while parts and parts[0] in _CONNECTORS:
                parts = parts[1:]  # "Residents of Galway's Westside": no "of_galway..."
        if len(parts) > 1:
            runs.add("_".join(parts))
            for word in parts:
                within[word] = within.get(word, 0) + count
    words.update(single)
    alone = frozenset(n for n in single if found[n] > within.get(n, 0))
    # Read once for ``_knows``: the runs' words, the rare ones, the words alone by beginning.
    run_words = frozenset(w for r in runs for w in r.split("_"))
    common = background(tongue)
    kin: dict[str, list[str]] = {}
    for n in alone:
        if len(n) >= KIN_PREFIX:
            kin.setdefault(n[:KIN_PREFIX], []).append(n)
    return _Names(
        frozenset(runs),
        alone,
        frozenset(words),
        tongue,
        run_words,
        frozenset(w for w in run_words if NAME_PREFIX + w not in common),
        kin,
    )


def named(terms: Mapping[str, int], language: str | None = None) -> bool:
    """Return whether an article names ``STRANGER_NAMES`` or more people, companies or places.

    A reaction piece quoting one person ("Alan Grieve") or a brief naming one place says
    too little of who and where to be told apart by its names.
    """
    return _names(terms, language).count >= STRANGER_NAMES


def _kin(a: str, b: str) -> bool:
    """Return whether two words are forms of one name: Sweden, Swedish; Chile, Chilean.

    They begin alike for ``KIN_PREFIX`` letters or more and differ in endings of at most
    ``KIN_ENDING`` letters ("Chililabombwe" is no kin of "Chile").
    """
    same = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        same += 1
    return same >= KIN_PREFIX and len(a) - same <= KIN_ENDING and len(b) - same <= KIN_ENDING


def strangers(a: Mapping[str, int], b: Mapping[str, int], language: str | None = None) -> bool:
    """Return whether two articles both name people, companies or places, none the same.

    Different events of one beat on one day (two carmakers' results, two countries' jobless
    figures, two earthquakes) share the beat's words and figures, often enough to pass as
    one event; what they never share is who and where. Both must be ``named``. A name is
    shared when both write the same multiword name or a rare word of one ("Koflin Junior",
    "Sunvera Koflin Junior"); when a word named on its own in one is named on its own in
    the other, or its kin ("Swedish", "Sweden"); or, for a word rare in the language, alone
    or inside a multiword name, when the other has it anywhere ("Stellenbosch" opening a
    sentence is no name to a reader of capitals, nor "Galway" beside "Galway's Westside").
    Everyday words inside names ("Bank", "Agency", "National") are shared only as the same
    whole name: the Czech National Bank is not Norges Bank.
    """
    return _apart(a, _names(a, language), b, _names(b, language), language)


def _apart(
    a: Mapping[str, int], mine: _Names, b: Mapping[str, int], theirs: _Names, language: str | None
) -> bool:
    """Return ``strangers`` of two articles whose names are read already."""
    if mine.count < STRANGER_NAMES or theirs.count < STRANGER_NAMES:
        return False
    return not _knows(mine, b, theirs, language) and not _knows(theirs, a, mine, language)


def _mentioned(names: _Names, text: str) -> bool:
    """Return whether a lower-cased text writes a rare word of these names, as a word.

    Looked for as a substring first: the text is not split into words (a tokenizer's pass
    over a whole text costs more than the rest of the rule).
    """
    common = background(names.language)
    rare = names.rare | {w for w in names.alone if NAME_PREFIX + w not in common}
    # Where names decline, a name is read without its case ending: written with any.
    ending = r"\w{0,3}" if names.language in NAME_ENDINGS else ""
    return any(
        w in text and re.search(rf"(?<!\w){re.escape(w)}{ending}(?!\w)", text) is not None
        for w in rare - _CONNECTORS
        if len(w) > HEAD_MIN
    )


def _knows(own: _Names, other: Mapping[str, int], names: _Names, language: str | None) -> bool:
    """Return whether an article (``other``, its ``names``) holds a name of ``own``."""
    if own.runs & names.runs:
        return True
    tools = language_tools(language)
    common = background(tools.name)
    if own.language == tools.name:
        rare = own.rare
    else:
        rare = frozenset(w for w in own.run_words if NAME_PREFIX + w not in common)
    if rare & names.run_words:
        return True  # "Sunvera Koflin Junior" and "Koflin Junior"; not "National Bank"
    if any(w in names.words or tools.stem(w) in other for w in rare - _CONNECTORS):
        return True  # "Galway's Westside" and "Galway" opening every sentence it is in
    for word in own.alone:
        # kin begin alike for ``KIN_PREFIX`` letters: only those words can be
        if word in names.alone or any(_kin(word, w) for w in names.kin.get(word[:KIN_PREFIX], ())):
            return True
        if NAME_PREFIX + word in common:
            continue  # "Bank" is no "Czech National Bank", "Agency" no other agency
        if word in names.words or tools.stem(word) in other:
            return True  # "Stellenbosch" opening a sentence is a plain word there
    return False


def headline_names(title: Iterable[str], language: str | None = None) -> frozenset[str]:
    """Return the rare names of a headline's terms: "semeru" of "Semeru erupts, sending ash".

    Names as the text writes them (``@`` terms), longer than ``HEAD_MIN`` letters, neither a
    day or month nor among the language's commonest words ("Indonesia" is, "Semeru" is not).
    """
    tools = language_tools(language)
    common = background(tools.name)
    calendar = calendar_words(tools.name)
    return frozenset(
        t[1:]
        for t in title
        if t[0] == NAME_PREFIX
        and len(t) > HEAD_MIN + 1
        and t not in common
        and t[1:] not in calendar
    )


def opening_name(row: ClusterArticle) -> frozenset[str]:
    """Return the headline's first word if it is a rare name its text writes only capitalised.

    "Seville approves low-emission zone": a headline opens with its subject, and a report may
    name the city only where its sentences begin ("Seville's city council voted ..."), where
    a capital says nothing, so no rule above reads it as a name. The first word counts as one
    when it is longer than ``HEAD_MIN`` letters, neither a stop word, a day or month nor
    among the language's commonest words, and the text writes it, always with a capital.
    Not where every noun has a capital.
    """
    tools = language_tools(row.language)
    if tools.name in NOUN_CAPITALISING:
        return frozenset()
    match = _OPENING.match(row.title)
    if match is None:
        return frozenset()
    first = match.group(1)
    lower = first.lower()
    if (
        not _capitalised(first)
        or len(lower) <= HEAD_MIN
        or lower in tools.stop_words
        or NAME_PREFIX + lower in background(tools.name)
        or lower in calendar_words(tools.name)
    ):
        return frozenset()
    found = [
        m.group(0)
        for m in re.finditer(rf"\b{re.escape(lower)}\b", row.text[:BODY_CHARS], re.IGNORECASE)
    ]
    if not found or not all(_capitalised(w) for w in found):
        return frozenset()
    return frozenset({lower})


_OPENING = re.compile(r"\W*(\w+)")


def headline_runs(row: ClusterArticle, heads: frozenset[str]) -> frozenset[str]:
    """Return the headline's names of two or more common words that its text writes alike.

    "Prince George has coldest December day": neither "Prince" nor "George" is a rare
    name, but the city is, written so in the headline and the text; it tells the city's
    cold from the record of another town the same day. Runs as ``names`` reads them (days
    and months aside, "Black Friday" no name), joined by "_", only when no word of the run
    is a rare name already, and not where every noun has a capital or the headline is in
    Title Case. ``title_names`` reads them only for a headline with no rarer name: "Bronze
    Age boat found in Threlby quarry" is named by Threlby, which a report calling the boat
    prehistoric names too.
    """
    tools = language_tools(row.language)
    words = _split_words(row.title, tools.name)
    if tools.name in NOUN_CAPITALISING or _title_cased(words, tools.name):
        return frozenset()
    calendar = calendar_words(tools.name)
    found = set()
    for run in names(name_spans(row.title, tools.name), tools.stop_words, tools.name):
        parts = run[1:].split("_")
        if any(p in calendar for p in parts) or any(p in heads for p in parts):
            continue
        if re.search(rf"\b{re.escape(' '.join(parts))}\b", row.text[:BODY_CHARS], re.IGNORECASE):
            found.add(run[1:])
    return frozenset(found)


def title_names(title: Iterable[str], row: ClusterArticle | None) -> frozenset[str]:
    """Return a headline's rare names (``headline_names``) and ``opening_name``, else its runs."""
    language = row.language if row is not None else None
    heads = headline_names(title, language)
    if row is None:
        return heads
    heads |= opening_name(row)
    return heads or headline_runs(row, heads)


# "... ahead of Y"; a weather service's coloured warning ("Amber warning for freezing rain").
PREVIEW_CUE = re.compile(
    r"\b(?:ahead\s+of|(?:amber|yellow|orange|red)\s+(?:\w+\s+)?warnings?)\b(.*)",
    re.IGNORECASE | re.DOTALL,
)
PREVIEW_TERMS = frozenset({"ahead", "warn"})  # the cues' title terms, as English stems them


def previewed(title: str, language: str | None = None) -> frozenset[str]:
    """Return what an English headline says a piece comes before: "... ahead of Y" -> Y's words.

    "Stannerfield United confident ahead of Wickerby cup tie", "Tidewell Power hires 120
    engineers ahead of lagoon decision", "Amber warning for freezing rain issued for
    Ellesdale": such a piece is written before the event it names after the cue (a match, a
    decision, the weather), and a report of that event is another piece of news, however
    many names and figures of the fixture, the company or the place the two share. Lower
    case, stop words aside, each word as written and stemmed.
    """
    tools = language_tools(language)
    if tools.name != DEFAULT_LANGUAGE:
        return frozenset()
    found = PREVIEW_CUE.search(title)
    if found is None:
        return frozenset()
    words = [w.lower() for w in _split_words(found.group(1), tools.name)]
    kept = [w for w in words if len(w) > 1 and w not in tools.stop_words]
    return frozenset({*kept, *(tools.stem(w) for w in kept)})


def reports_previewed(title: Iterable[str], preview: frozenset[str]) -> bool:
    """Return whether a headline's terms name what a preview's headline says is ahead."""
    return any(t.lstrip(NAME_PREFIX) in preview for t in title)


GENRE_LABELS = Path(__file__).with_name("data") / "genre_labels.json"


@lru_cache(maxsize=1)
def _genre_labels() -> dict[str, list[str]]:
    """Return the genre labels of each language (ISO 639-1 code), lower case."""
    labels: dict[str, list[str]] = json.loads(GENRE_LABELS.read_text(encoding="utf-8"))
    return labels


@lru_cache(maxsize=32)
def _label_pattern(language: str | None) -> re.Pattern[str] | None:
    """Return the pattern of a headline opening on a label of the language (sumy's name),
    or on any language's label when None."""
    lists = _genre_labels()
    if language is None:
        labels = sorted({label for found in lists.values() for label in found})
    else:
        labels = lists.get(_CODES.get(language, ""), [])
    if not labels:
        return None
    longest = sorted(labels, key=lambda label: (-len(label), label))
    either = "|".join(re.escape(label) for label in longest)
    upper = "|".join(re.escape(label.upper()) for label in longest)
    # "Explainer: ...", "Analysis | ...", "Live – ...", "Reaction - ..."; Reuters' "EXPLAINER-Why".
    return re.compile(rf"\W*(?:(?i:{either})\s*(?:[:|\u2013\u2014]|\s-\s)|(?:{upper})-)")


def unlabelled(title: str, language: str | None = None) -> str:
    """Return a headline without the genre label it opens on (``labelled``), if any."""
    pattern = _label_pattern(language)
    found = pattern.match(title) if pattern is not None else None
    return title[found.end() :] if found else title


def labelled(title: str, language: str | None = None) -> bool:
    """Return whether a headline opens on a genre label of its language (``GENRE_LABELS``):
    "Explainer:", "Analysis:", "Reaction:", "What we know:", "Разбор:", "Décryptage :".

    Such a piece tells no new event: it explains or answers one already in the news. With
    no language, any language's label counts.
    """
    pattern = _label_pattern(language)
    return pattern is not None and pattern.match(title) is not None


def text_words(row: ClusterArticle) -> frozenset[str]:
    """Return the lower-case words of an article's title and text (its first ``BODY_CHARS``)."""
    return frozenset(
        w.lower() for w in _split_words(f"{row.title}\n{row.text[:BODY_CHARS]}", row.language)
    )


# Where a sentence turns to another event than the article's own, in the languages read so
# far: "... in Cuenca on Tuesday, hours after nine prisoners died in a separate riot at the
# Litoral penitentiary in Guayaquil", "No hostages were taken, unlike in Guayaquil".
RECALL_CUES = {
    "english": re.compile(
        r"\b(?:(?:hours|days|weeks|a day|a week|the day) (?:after|before|earlier)"
        r"|the same (?:morning|afternoon|evening|night|day)"
        r"|(?:earlier|later) (?:in the (?:day|morning|afternoon|evening)|that day)"
        r"|had earlier|separate|unlike|another|the other|(?:is|was) (?:the|\w+'s) second"
        r"|(?:is|are|was|were) different)\b",
        re.IGNORECASE,
    ),
}


# A sentence telling what comes next ("Domani Scarfogli correrà la cronometro."), by a word for
# tomorrow; not "until tomorrow" (a closure's end), nor Spanish "mañana" as "morning" ("esta
# mañana"), nor German "Morgen" after an article or "heute" (the noun: "am Morgen").
FORWARD_CUES = {
    name: re.compile(pattern)
    for name, pattern in {
        "english": r"(?i:(?<!until )\btomorrow\b)",
        "italian": r"(?i:(?<!fino a )\bdomani\b)",
        "polish": r"(?i:\bjutro\b)",
        "french": r"(?i:(?<!jusqu'à )\bdemain\b)",
        "spanish": r"(?i:(?<!la )(?<!esta )(?<!una )(?<!media )(?<!toda )(?<!hasta )\bmañana\b)",
        "portuguese": r"(?i:(?<!até )\bamanhã\b)",
        "german": r"(?:(?<!bis )\bmorgen\b|^Morgen\b|\bübermorgen\b)",
        "russian": r"(?i:(?<!до )\bзавтра\b)",
        "ukrainian": r"(?i:(?<!до )\bзавтра\b)",
    }.items()
}


_CLOSING = re.compile(r"[\s.!?,;:\"'\u2019\u201d)]*")  # what may follow a sentence's last word


def own_text(row: ClusterArticle) -> str:
    """Return an article's title and text (its first ``BODY_CHARS``), recalls of others cut.

    A later report of one beat's day often recalls the earlier event, by its place and its
    figure, in a clause of its own: "Four inmates were killed ... in Cuenca on Tuesday, ...
    hours after nine prisoners died in a separate riot at the Litoral penitentiary in
    Guayaquil"; "The rescue came hours after 184 people were saved south of El Hierro". Each
    sentence is cut where such a clause begins (``RECALL_CUES``: "hours after", "the same
    evening", "earlier in the day", "had earlier", "separate", "unlike", "another", "the other",
    "is/was the second" or "was Europe's second", "were different": "... separately from
    another lead theft at a church in Heckington", "the other semi-final", "It is the second
    anthrax outbreak announced on Tuesday, after one death in Murang'a", "It was Europe's
    second air traffic control failure of the day, after Lisbon's morning outage", "the two
    councils' problems were different: 'Redcar's is about rising demand'"); what comes
    before the cue stays, so an angle piece naming its own event before the cue ("around the
    stricken tanker Solvig Grey, the day after it ran aground") still names it. A cue that
    closes its sentence ("Neighbouring Kirklees agreed a 4.99% rise the same evening."; "...
    cuts of 2c at Glenbarrow Dairies earlier in the day.") makes the whole sentence the other
    event's: it is all cut.
    Languages without cues keep their whole text.
    """
    text = row.text[:BODY_CHARS]
    cue = RECALL_CUES.get(language_tools(row.language).name)
    if cue is None or cue.search(text) is None:  # most texts: no sentence to cut
        return f"{row.title}\n{text}"
    kept = [row.title]
    for sentence in _SENTENCE_END.split(text):
        found = cue.search(sentence)
        if found is not None and _CLOSING.fullmatch(sentence, found.end()):
            kept.append("")  # the cue closes the sentence: all of it tells the other event
        else:
            kept.append(sentence if found is None else sentence[: found.start()])
    return "\n".join(kept)


def recalled_figures(row: ClusterArticle) -> frozenset[str]:
    """Return the figure keys an article states only where it recalls another event.

    A follow-on piece restates the earlier event's figures in its recall ("The figures came
    a day after councillors voted to charge £48 a year for garden waste collections"; "...
    a day after it voted to raise allotment rents from £38 to £95"): those figures are the
    other event's, no evidence that the two report one. Keys of the title and text (its
    first ``BODY_CHARS``) that ``own_text`` no longer states.
    """
    text = row.text[:BODY_CHARS]
    cue = RECALL_CUES.get(language_tools(row.language).name)
    if cue is None or cue.search(text) is None:
        return frozenset()
    every = _quantities(f"{row.title}\n{text}", row.language)
    own = _quantities(own_text(row), row.language)
    return frozenset(k for k in every - own if k[0] == NUMBER_PREFIX)


def road_figures(row: ClusterArticle) -> tuple[frozenset[str], frozenset[str]]:
    """Return the number keys of the roads an article names by their number, and the terms
    of the words its headline names them with ("Frana sulla provinciale 27": ``#27``,
    ``provincial``).

    A road's number is its name: the road's repaving announced the evening before and the
    landslide that closed it the next morning both write "strada provinciale 27", which
    tells nothing of one event (it9). Read from the title and text (its first
    ``BODY_CHARS``); the figure stays a figure of the leads.
    """
    tools = language_tools(row.language)
    roads = road_numbers(f"{row.title}\n{row.text[:BODY_CHARS]}", tools.name)
    if not roads:
        return frozenset(), frozenset()
    kinds = {kind for kind, _ in road_numbers(row.title, tools.name)}
    return (
        frozenset(key for _, key in roads),
        frozenset(_terms(kinds, tools, frozenset())),
    )


def own_figures(terms: Mapping[str, int], cut: frozenset[str]) -> Mapping[str, int]:
    """Return an article's terms without the figures it states only in a recall."""
    return {t: n for t, n in terms.items() if t not in cut} if cut else terms


def _with_forms(words: Iterable[str], language: str | None) -> frozenset[str]:
    """Return lower-case words and, where names decline (``NAME_ENDINGS``), their name forms
    too: a headline's name is compared in its form ("borowc" of "z Borówca"), and another
    text writes it in any case ("we wsi Borówiec"; "Явір", "«Явора»")."""
    lower = frozenset(w.lower() for w in words)
    name = language_name(language)
    if name not in NAME_ENDINGS:
        return lower
    return lower | {name_form(w, name) for w in lower}


def own_words(row: ClusterArticle) -> frozenset[str]:
    """Return the lower-case words of ``own_text``: what the article tells of its own event."""
    return _with_forms(_split_words(own_text(row), row.language), row.language)


def lead_words(row: ClusterArticle) -> frozenset[str]:
    """Return the lower-case words of an article's title and lead (``LEAD_SENTENCES``)."""
    opening = lead(row.text, row.title, language_tools(row.language))
    return _with_forms(_split_words("\n".join([row.title, *opening]), row.language), row.language)


def _named(head: str, words: frozenset[str]) -> bool:
    """Return whether a text's words name a headline's name, or a kin of it.

    A run of words ("prince_george") is there when each of its words is.
    """
    if "_" in head:
        return all(p in words for p in head.split("_"))
    # A name's first words name it too where the name is hyphened: «Снегиря» is
    # «Снегирь-Банк», "Orbiton" "Orbiton-Halle", "Saint-Amalric" "Saint-Amalric-des-Prés".
    return head in words or any(
        _kin(head, w) or ("-" in w and any(_kin(head, h) for h in _hyphen_heads(w))) for w in words
    )


def _hyphen_heads(word: str) -> list[str]:
    """Return a hyphened word's beginnings up to each hyphen: "saint", "saint-amalric",
    "saint-amalric-des" of "saint-amalric-des-prés"."""
    return [word[:i] for i, c in enumerate(word) if c == "-" and i]


def unnamed(heads: Iterable[str], words: frozenset[str]) -> bool:
    """Return whether a headline's name is nowhere in another text, nor a kin of a word there."""
    return any(not _named(h, words) for h in heads)


def recalled(heads: Iterable[str], opening: frozenset[str]) -> bool:
    """Return whether a later text names none of an earlier headline's names in its lead.

    A later report of one beat's day recalls the earlier event below its lead, by its place
    or its subject, in a sentence of its own ("The outbreak comes as Exeter reports 42
    cases."; "The result gave Labour some relief on a night when it lost Barnsley South to
    Reform."): it names that headline, but not as its own. A report of the same event, or
    an angle piece on it, names the subject in its opening. ``opening``: the later text's
    ``lead_words``, recalls of others cut.
    """
    return not any(_named(h, opening) for h in heads)


def headlines_apart(
    heads: frozenset[str],
    words: frozenset[str],
    others: frozenset[str],
    their_words: frozenset[str],
) -> bool:
    """Return whether each of two headlines names someone or somewhere the other text never does.

    Two events of one beat on one day may share every name a rule above reads (the country,
    its volcanology centre; the food-safety authority that culls at two farms), but each is
    about its own volcano, farm town or company, which its headline names and the other
    article never mentions: "Semeru erupts ..." and "Mount Ibu eruption closes Ternate
    airport". Two reports of one event name the same subject, or one headline names it at
    another scale ("Swiss Alps", "Zermatt") while the other text names it too.
    """
    return bool(heads and others) and unnamed(heads, their_words) and unnamed(others, words)


def _values(keys: Iterable[str], *, counts: bool) -> frozenset[float]:
    """Return the values of figure keys, years, dates, times and vague amounts aside.

    ``counts``: whether small counts keyed with their word ("#6:hour") give their value.
    A percentage is its value ("0.5%" and "0.5pc" are one figure).
    """
    found = set()
    for key in keys:
        if (
            key[0] != NUMBER_PREFIX
            or _YEAR.match(key)
            or key.startswith((DATE_PREFIX, VAGUE_PREFIX))
        ):
            continue
        value, _, word = key[1:].rstrip("%").partition(":")
        if word and not counts:
            continue
        try:
            found.add(float(value))
        except ValueError:
            continue  # a clock time
    return frozenset(found)


def _quantities(text: str, language: str | None) -> set[str]:
    tools = language_tools(language)
    return quantities(text, tools.name, stem=tools.stem, stop_words=tools.stop_words)


_COUNTED = re.compile(r"(\d[\d,.]*)(?:\s+|-)(\w+)")


def _headline_keys(row: ClusterArticle) -> set[str]:
    """Return the figure keys of a headline, spans of time ("15-year-old", "22 seconds") aside."""
    stem = language_tools(row.language).stem

    def timeless(match: re.Match[str]) -> str:
        return " " if stem(match[2].lower()) in _DURATION_UNITS else match[0]

    return _quantities(_COUNTED.sub(timeless, row.title), row.language)


def headline_scores(row: ClusterArticle) -> frozenset[str]:
    """Return the scores and tallies a headline states: "... gewinnt 3:1" -> "#3-1".

    Outside English a score keys with its larger number first, so either team's order
    gives one key (``digests.quantities``).
    """
    return frozenset(k for k in _headline_keys(row) if _score(k))


def scores_apart(heads: frozenset[str], others: frozenset[str]) -> bool:
    """Return whether two headlines each state a score and share none: two matches."""
    return bool(heads and others) and not heads & others


def headline_figures(row: ClusterArticle) -> frozenset[float]:
    """Return the figures a headline states: "... air quality index passes 450" -> 450.

    Years, dates, times, vague amounts and small counts ("three dead": the count says little
    of which event, and two reports word it alike) aside, and spans of time ("15-year-old
    record", "under 22 seconds"): another report of a record run gives the old record's
    holder and the time, not its age.
    """
    return _values(_headline_keys(row), counts=False)


def plain_words(row: ClusterArticle) -> frozenset[str]:
    """Return the headline's words written in lower case, stemmed, stop words aside.

    Where every noun has a capital, every word: a capital says nothing of names there, and
    the nouns say what happened ("Rückruf", "Umsatz").
    """
    tools = language_tools(row.language)
    words = _split_words(row.title, tools.name)
    if tools.name not in NOUN_CAPITALISING:
        words = [w for w in words if w.islower()]
    return frozenset(_terms(words, tools, frozenset()))


def text_figures(row: ClusterArticle) -> frozenset[float]:
    """Return every figure an article's title and text (its first ``BODY_CHARS``) state."""
    return _values(_quantities(f"{row.title}\n{row.text[:BODY_CHARS]}", row.language), counts=True)


def _stated(x: float, y: float) -> bool:
    """Return whether two figures may be one, as two outlets state it (rounded at most)."""
    return x == y or (min(x, y) >= ROUND_MIN and (_rounds(x, y) or _rounds(y, x)))


def unstated(heads: frozenset[float], figures: frozenset[float]) -> bool:
    """Return whether no figure of a headline is stated in another text, nor rounded there."""
    return not any(_stated(x, y) for x in heads for y in figures)


def figures_apart(
    heads: frozenset[float],
    figures: frozenset[float],
    others: frozenset[float],
    their_figures: frozenset[float],
) -> bool:
    """Return whether each of two headlines states a figure the other text never states.

    Two events of one beat on one day each put their own figure in the headline: "Delhi
    schools shut as air quality index passes 450", "Lucknow records worst air of the season
    at 412". Reports of one event state its figure, in the headline or the text.
    """
    return bool(heads and others) and unstated(heads, their_figures) and unstated(others, figures)


# The word before a place that sets an event there ("a breach near Nantwich", "a balloon
# landed near Göreme"): English, where a stop word.
PLACE_FRAMES = frozenset({"near"})
_QUOTES = "'\u2018\u2019"  # quotes a name's word may carry: "‘Hunger Games’"


class Heading:
    """What an article's headline names and states, read against another article's text."""

    def __init__(self, row: ClusterArticle, heads: frozenset[str]) -> None:
        self.row = row
        self.heads = heads  # ``title_names``
        keys = _headline_keys(row)  # read once for both
        self.figures = _values(keys, counts=False)  # ``headline_figures``
        self.counted = _values(keys, counts=True)  # and its small counts ("six overdoses")
        # its percentages: a rate is read off a release once and every report states it as
        # released; a count (homes without power, the dead) is updated from report to report
        self.rates = _values((k for k in keys if k.endswith("%")), counts=False)
        self.plain = plain_words(row)
        self._words: frozenset[str] | None = None
        self._opening: frozenset[str] | None = None
        self._sentences: list[str] | None = None
        self._stated: frozenset[float] | None = None
        self._actors: frozenset[str] | None = None
        self._subjects: frozenset[str] | None = None
        self._first: list[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        """The lower-case words of the title and text, recalls of other events cut
        (``own_words``), read once."""
        if self._words is None:
            self._words = own_words(self.row)
        return self._words

    @property
    def opening(self) -> frozenset[str]:
        """The lower-case words of the title and lead that are ``words`` too, read once."""
        if self._opening is None:
            self._opening = lead_words(self.row) & self.words
        return self._opening

    @property
    def sentences(self) -> list[str]:
        """The sentences of ``own_text`` below the title, read once (``beside`` asks for them
        for each candidate)."""
        if self._sentences is None:
            body = own_text(self.row).split("\n")[1:]
            self._sentences = [s for line in body for s in _SENTENCE_END.split(line.strip()) if s]
        return self._sentences

    def beside(self, other: Heading) -> frozenset[str]:
        """Return ``words`` without the sentences that name the other's headline in a list.

        A report of one county's pothole bill may name the next county's only in passing,
        listed with a third below its first sentence ("Kent was one of the worst-hit
        counties, although Surrey and Hampshire had also reported sharp rises."): a name of
        the other headline joined to another capitalised name by "and", "or" or a comma is
        one of several places or actors of a kind, not the subject of this text. Such a
        sentence's words are cut, the title's and the first sentence's kept; when no
        sentence is cut, ``words``. English only, as its cues are.
        """
        heads = [h for h in other.heads if "_" not in h]
        if (
            not any(h in self.words for h in heads)
            or language_tools(self.row.language).name != DEFAULT_LANGUAGE
        ):
            return self.words
        listed = [
            re.compile(
                rf"(?i:\b{re.escape(h)}\b)(?:'s)?(?:\s*,\s*|\s+(?:and|or)\s+)([A-Z][\w'-]*)"
                rf"|\b([A-Z][\w'-]*)(?:\s*,\s*|\s+(?:and|or)\s+)(?i:{re.escape(h)}\b)"
            )
            for h in heads
        ]

        def in_list(sentence: str) -> bool:
            # the name listed beside one that is not the other headline's own
            return any(
                (m.group(1) or m.group(2)).lower() not in other.heads
                for p in listed
                for m in p.finditer(sentence)
            )

        parts = self.sentences
        kept = [self.row.title, *parts[:1]]
        kept += [s for s in parts[1:] if not in_list(s)]
        if len(kept) == len(parts) + 1:
            return self.words
        return frozenset(w.lower() for w in _split_words("\n".join(kept), self.row.language))

    def later(self, other: Heading) -> bool:
        """Return whether this text names the other's headline only as a recall.

        Only a text published after the other's: an earlier report cannot recall a later
        event, while an angle piece filed after it may be named by it in passing, late
        ("Skovlund's head office will stay in Copenhagen.").
        The other headline's names that this headline names too are the two events' common
        setting, not what the other is about, and are no evidence either way: the women's
        cliff-diving report ("... title in Mostar") names Mostar in its lead as the men's
        report's headline does ("Romanian Ovidiu Mocanu wins men's cliff diving in Mostar"),
        and the men's winner only below it.
        """
        if self.row.published <= other.row.published:
            return False
        title = frozenset(w.lower() for w in _split_words(self.row.title, self.row.language))
        own = [h for h in other.heads if not _named(h, title)]
        return bool(own) and recalled(own, self.opening)

    def announces(self, other: Heading) -> bool:
        """Return whether this earlier text names the other's headline only as what comes next.

        A report of one result often closes on the next day's fixture of the same cast:
        "Domani Scarfogli correrà la cronometro." below a clubmate's bronze, "Tomorrow her
        clubmate swims the 200m final." The later report of that race is another event,
        however many names (the club, the town, the championship) and words (the
        discipline, the age class) the two share. So the two are apart when the other,
        later headline's names that this title does not write are named in a sentence of
        this text with a cue for tomorrow (``FORWARD_CUES``: "tomorrow", "domani", "jutro";
        not "until tomorrow", not Spanish "esta mañana") and not in this title or first
        sentence: a report of the same event names its subject in its opening, and a
        closure "until tomorrow" of the line through Valsorna names the place it is about
        first.
        """
        if not other.heads or self.row.published >= other.row.published:
            return False
        cue = FORWARD_CUES.get(language_tools(self.row.language).name)
        ahead = [s for s in self.sentences if cue.search(s)] if cue is not None else []
        if not ahead:
            return False
        language = self.row.language
        opening = _with_forms(
            _split_words("\n".join([self.row.title, *self.sentences[:1]]), language), language
        )
        own = [h for h in other.heads if not _named(h, opening)]
        return bool(own) and not unnamed(
            own, _with_forms(_split_words(" ".join(ahead), language), language)
        )

    def news_to(self, other: Heading) -> bool:
        """Return whether this later headline's place and figure are both news to the other.

        A later report of one beat's day often names the earlier event in its lead, to
        compare ("Six overdoses in Cork after same fake tablets": "... the same kind of
        synthetic opioid behind a cluster of nine overdoses in Dublin"; the Elbe at Magdeburg
        at 52cm, "On the Rhine, where the Kaub gauge stood at 68 centimetres, ..."), so
        ``later`` does not read it as a recall. But its headline names somewhere
        (``heads`` this headline has of its own, not the other's) that the earlier text
        never mentions, and states a figure, small counts too, that the earlier text never
        states (a small count is stated by any number the text writes, "its crew of five
        were rescued"; a total by two figures it adds up to, "a combined €273 million" of
        €212m and €61m): what it reports the earlier report did not know. A later report of
        the same event knows the event's place or its figure. The earlier text is read
        whole (``words``), its lists too: the council's six village schools "include those
        at Nettlecombe", whose parents' protest is one of the council's plan.
        """
        if self.row.published <= other.row.published or not self.counted:
            return False
        title = frozenset(w.lower() for w in _split_words(other.row.title, other.row.language))
        own = [h for h in self.heads if not _named(h, title)]
        if not own or not unnamed(own, other.words):
            return False
        language = language_tools(other.row.language).name
        written = small_numbers(f"{other.row.title}\n{other.row.text[:BODY_CHARS]}", language)
        stated = sorted(other.stated)
        totals = {x + y for i, x in enumerate(stated) for y in stated[:i]}
        return unstated(self.counted, other.stated | written | totals)

    @property
    def stated(self) -> frozenset[float]:
        """The figures of the title and text (``text_figures``), read once."""
        if self._stated is None:
            self._stated = text_figures(self.row)
        return self._stated

    @property
    def actors(self) -> frozenset[str]:
        """The rare names of the title and first sentence, word by word, read once.

        Who and where the report is about: names as ``features`` reads them there, longer
        than ``HEAD_MIN`` letters, neither a day or month nor a word common in the language
        as a name or as a word ("Carmaker" opening a sentence). English only.
        """
        if self._actors is None:
            tools = language_tools(self.row.language)
            found: frozenset[str] = frozenset()
            if tools.name == DEFAULT_LANGUAGE:
                terms = features(self.row.title, " ".join(self.first), self.row.language).terms
                common = background(tools.name)
                calendar = calendar_words(tools.name)
                parts = {p for t in terms if t[0] == NAME_PREFIX for p in t[1:].split("_")}
                found = frozenset(
                    p
                    for p in parts
                    if len(p) > HEAD_MIN
                    and NAME_PREFIX + p not in common
                    and p not in common
                    and tools.stem(p) not in common
                    and p not in calendar
                )
            self._actors = found
        return self._actors

    @property
    def subjects(self) -> frozenset[str]:
        """Whom the headline is about, by full name, read once: for each word of the headline,
        the first name of two words or more in the lead (``SUBJECT_SENTENCES``) that ends
        with it, a word of ``HEAD_MIN`` letters or more.

        "Chargers' Jackson arrested on suspicion of DUI": "Chargers wide receiver Vincent
        Jackson was arrested ..." gives "vincent_jackson", whose surname is a common word no
        rule above reads as a name. Days and months aside; none when the headline is only
        the first sentence's opening words (a feed that gives no headline of its own: every
        name of the sentence is in it). English only, as ``actors``.
        """
        if self._subjects is None:
            tools = language_tools(self.row.language)
            found: frozenset[str] = frozenset()
            head = _split_words(self.row.title, tools.name)
            opening = _split_words(" ".join(self.first), tools.name)
            if tools.name == DEFAULT_LANGUAGE and opening[: len(head)] != head:
                title = frozenset(w.lower() for w in head)
                calendar = calendar_words(tools.name)
                said = lead(self.row.text, self.row.title, tools, count=SUBJECT_SENTENCES)
                first: dict[str, str] = {}  # each headline word's first full name
                for sentence in said:
                    for run in sorted(names(name_spans(sentence, tools.name), tools.stop_words)):
                        parts = [p.strip(_QUOTES) for p in run[1:].split("_")]
                        if (
                            len(parts[-1]) > HEAD_MIN - 1
                            and parts[-1] in title
                            and not any(p in calendar for p in parts)
                        ):
                            first.setdefault(parts[-1], "_".join(parts))
                found = frozenset(first.values())
            self._subjects = found
        return self._subjects

    def about_other(self, other: Heading) -> bool:
        """Return whether this headline is about someone the other's opening never names.

        Read by the surname (``subjects``' last words) against the other's title and lead
        (``opening``), stop words aside ("will" is no kin of "Williams").
        """
        stop = language_tools(other.row.language).stop_words
        kin = other.opening - stop
        return any(
            word not in other.opening and not any(_kin(word, w) for w in kin)
            for word in {run.split("_")[-1] for run in self.subjects}
        )

    @property
    def first(self) -> list[str]:
        """The text's first sentence (``lead``), as a list, read once."""
        if self._first is None:
            self._first = lead(
                self.row.text, self.row.title, language_tools(self.row.language), count=1
            )
        return self._first

    def frames(self, names: frozenset[str]) -> frozenset[tuple[str, str]]:
        """Return the words the title and first sentence set these names in.

        Beside each name, past the capitalised words of its run ("near Royal Wootton
        Bassett"), the first word before it that is no stop word or is a ``PLACE_FRAMES``
        word, and the first word after it that is no stop word, each with its side. A kind
        set before a name by "of" stands after it: "the province of Aceh" is "Aceh province",
        the frame of "Indonesia's West Papua province".
        """
        stop = language_tools(self.row.language).stop_words
        found: set[tuple[str, str]] = set()
        for chunk in [self.row.title, *self.first]:
            written = _split_words(chunk, self.row.language)
            lower = [w.lower() for w in written]
            for i, word in enumerate(lower):
                if word not in names:
                    continue
                j = i - 1
                while j >= 0 and (lower[j] in names or _capitalised(written[j])):
                    j -= 1
                k = i + 1
                while k < len(lower) and (lower[k] in names or _capitalised(written[k])):
                    k += 1
                if j >= 0 and (lower[j] not in stop or lower[j] in PLACE_FRAMES):
                    found.add(("before", lower[j]))
                elif j >= 1 and lower[j] == "of" and lower[j - 1] not in stop:
                    found.add(("after", lower[j - 1]))  # "province of Aceh": "Aceh province"
                if k < len(lower) and lower[k] not in stop:
                    found.add(("after", lower[k]))
        return frozenset(found)

    def placed_apart(self, other: Heading, words: frozenset[str], theirs: frozenset[str]) -> bool:
        """Return whether the two leads set two places of one kind in the same frame.

        Two events of one beat and day ("Shropshire Union Canal breach drains mile of
        water near Nantwich"; "Llangollen Canal closed at Whitchurch after smaller breach":
        "... near Whitchurch") share the beat's words and often each names the other below
        its lead, but each opens on its own place: a name of this title and first sentence
        that the other's lead never names (``opening``, recalls cut, ``words`` the text as
        ``beside`` reads it) stands in a frame ("near", "balloon") where a name of the
        other's opening stands that this lead never names. A report of the same event
        names its subject in its lead.
        """
        mine = frozenset(a for a in self.actors if not _named(a, other.opening & theirs))
        if not mine:
            return False
        their = frozenset(a for a in other.actors if not _named(a, self.opening & words))
        return bool(their) and bool(self.frames(mine) & other.frames(their))

    def apart(self, other: Heading) -> bool | None:
        """Return whether two headlines tell two events; None when they cannot be compared.

        Apart when both name someone or somewhere rare and each names what the other text
        never mentions (``headlines_apart``), or when both state a figure the other text
        never states (``figures_apart``) and either one names what the other text never
        mentions (the smaller city's report of a smog day may mention the capital's, "lower
        readings than Delhi", but neither states the other's index) or the two share no word
        written in lower case (one toy seller's sales "rise 7%" and its recall of "85,000
        advent calendars": one company, two events), or both state a percentage (a rate is
        stated as released by every report of it: "French new car sales rise 3.1%" and
        "Spain's car market grows 7.4%", one morning's two releases, share the beat's every
        word). Apart too when the two leads set two places of one kind in one frame
        (``placed_apart``: "near Nantwich", "near Whitchurch"). Comparable by names when
        both headlines have one; by figures when both state one; by the leads' places only
        to tell two events apart. Apart first when the earlier text names the later
        headline only as the next day's fixture (``announces``).
        """
        if self.announces(other) or other.announces(self):
            return True
        by_names = bool(self.heads and other.heads)
        by_figures = bool(self.figures and other.figures)
        by_actors = bool(self.actors and other.actors)
        if not by_names and not by_figures and not by_actors:
            return None
        words, their_words = self.beside(other), other.beside(self)
        if by_actors and self.placed_apart(other, words, their_words):
            return True
        if not by_names and not by_figures:
            return None  # actors alone tell two events apart, never one
        if by_names and headlines_apart(self.heads, words, other.heads, their_words):
            return True
        if by_names and (
            (unnamed(self.heads, their_words) or other.later(self))
            and (unnamed(other.heads, words) or self.later(other))
        ):
            return True  # one text names the other's headline only in a recall below its lead
        if by_names and (self.news_to(other) or other.news_to(self)):
            return True
        return (
            by_figures
            and figures_apart(self.figures, self.stated, other.figures, other.stated)
            and (
                unnamed(self.heads, their_words)
                or unnamed(other.heads, words)
                or not self.plain & other.plain
                or bool(self.rates and other.rates)
            )
        )


Measures = Mapping[str, frozenset[float]]


def text_measures(row: ClusterArticle) -> Measures:
    """Return the masses and ages an article states (title and first ``BODY_CHARS``)."""
    return measures(f"{row.title}\n{row.text[:BODY_CHARS]}", language_tools(row.language).name)


def measured_apart(a: Measures, b: Measures) -> bool | None:
    """Return whether two articles state different sizes of one thing; None if not comparable.

    Two cocaine seizures at one port on one day (4,100kg; 900kg) share the beat's words,
    its place and its agencies, but not their size.
    Comparable when both state an amount of a kind (mass, age); apart when, on every kind
    both state, no amount of one agrees with one of the other (within ``MEASURE_RATIO``;
    ages within ``AGE_SLACK``). Reports of one event state its size alike, rounded at most
    ("4.1 tonnes", "more than four tonnes", "4,100kg"), and its people's ages alike.
    """
    kinds = a.keys() & b.keys()
    if not kinds:
        return None
    return all(not any(_agree(kind, x, y) for x in a[kind] for y in b[kind]) for kind in kinds)


def _agree(kind: str, x: float, y: float) -> bool:
    """Return whether two amounts of one kind may be one thing's, stated by two outlets."""
    if kind == "age":
        return abs(x - y) <= AGE_SLACK  # a birthday between two reports' sources
    return max(x, y) <= MEASURE_RATIO * min(x, y)


def words_alone(words: float, numbers: int, units: float = 0.0) -> bool:
    """Return whether the shared words without names (their part of the cosine) make one event.

    ``WORDS_ALONE`` of the cosine, or ``CONTENT_ALONE`` with the number bonus of a shared
    figure: the event's own vocabulary, which a look-alike sharing its names lacks.
    ``units``: the part of ``words`` of the words that spell a figure's size and unit
    ("million", "euros": ``Features.unit_words``), which the bonus counts already: "310
    million euros" is one figure, not a figure and two of the event's words (a fraud
    accusation over a bridge's contract and the bridge's reopening after its 310 million
    euro repair share it).
    """
    return words >= WORDS_ALONE or rewrite_score(words - units, numbers) >= CONTENT_ALONE


def lead_passes(
    shared: Sequence[str], value: float, words: float, numbers: int, units: float = 0.0
) -> bool:
    """Return whether an article's lead joins a candidate's story on the terms they share.

    ``MIN_SHARED_TERMS`` shared terms and either the shared words alone (``words_alone``) or
    the score (``value``, ``rewrite_score`` of the cosine) at ``REWRITE_THRESHOLD`` with more
    than the names behind it (``names_only``).
    """
    if len(shared) < MIN_SHARED_TERMS:
        return False
    if words_alone(words, numbers, units):
        return True
    names = [t for t in shared if t[0] == NAME_PREFIX]
    return value >= REWRITE_THRESHOLD and not names_only(rewrite_score(words, numbers), names)


def headlines_meet(a: Features, b: Features, language: str | None = None) -> bool:
    """Return whether two headlines tell one event: ``HEADLINES_MEET`` (2) words shared (no
    name or figure; a Title Case headline's words count as its text writes them), a name
    shared, and no name of either headline missing from the other's text. Read whole
    (``Features.folded``), a headline's name of one word is also the word the other writes
    in lower case: "Judge" of "A Judge Tossed Out ..." is "judge" of "Federal judge ...".

    Two events of one beat share the beat's words ("Czech agriculture minister quits" /
    "Czech transport minister resigns"; "Tolls on Milan-Venice motorway to rise" / "No toll
    rise for Sicily's A20"): each headline names what the other's text never does, or they
    share no name. In ``RARE_WORD_LANGUAGES`` one shared word is enough when it is rare in
    general text (``HEADLINE_RARE``): what happened ("abortion", "divorce", "detainee"),
    where two feeds' excerpts of one event often share no second word.
    """
    if not any(t[0] == NAME_PREFIX for t in a.title & b.title):
        return False
    for x, y in ((a, b), (b, a)):
        if any(
            t[0] == NAME_PREFIX and t not in y.terms and x.folded.get(t) not in y.terms
            for t in x.title
        ):
            return False
    # A word one headline writes as a name ("A Judge Tossed Out ...") and the other as a
    # word ("Federal judge strikes down ...") is one word; a name both write stays a name.
    names = {a.folded.get(t, t) for t in a.title & b.title if t[0] == NAME_PREFIX}
    mine = {a.folded.get(t, t) for t in a.title}
    theirs = {b.folded.get(t, t) for t in b.title}
    words = {t for t in mine & theirs if t[0] not in (NAME_PREFIX, NUMBER_PREFIX)} - names
    if len(words) == 1 and language_tools(language).name in RARE_WORD_LANGUAGES:
        (word,) = words
        return max(a.prior.get(word, 0.0), b.prior.get(word, 0.0)) < HEADLINE_RARE
    return len(words) >= HEADLINES_MEET


def whole_score(
    a: Features,
    b: Features,
    df: Mapping[str, int],
    total: int,
    cut: frozenset[str] = frozenset(),
    language: str | None = None,
) -> tuple[float, float] | None:
    """Return the rewrite score of two articles' terms if it passes the rules, else None.

    The rules of the leads (``MIN_SHARED_TERMS``, ``REWRITE_THRESHOLD`` with the number
    bonus, not on names alone), and one more: the two must share a figure other than a
    year, a date or a few units of time, or else their headlines a word written in lower
    case (``Features.plain_title``; and the words without names score ``HEADLINE_WORDS``,
    and ``HEADLINE_SHARE`` of the score). Under the threshold, from ``MEET_FLOOR`` (0.30),
    when the headlines meet (``headlines_meet``) and the words make that much of the score.
    Whole texts of one subject share more of its words than leads do (two pieces on rival
    games consoles, on one party's campaign), and a figure is the event's own. Before all
    that, one of the two writes a word the other's headline writes in lower case: what
    happened, or the thing it happened to; the same cast's other act writes neither.
    """
    prior = {**a.prior, **b.prior}
    mine, theirs = weighted(a.terms, df, total, prior), weighted(b.terms, df, total, prior)
    shared = [t for t in mine if t in theirs]
    if len(shared) < MIN_SHARED_TERMS:
        return None
    if not (a.plain_title & b.terms.keys() or b.plain_title & a.terms.keys()):
        return None  # neither writes what the other's headline says happened
    numbers = shared_numbers(own_figures(a.terms, cut), b.terms, durations=False)
    content = sum(mine[t] * theirs[t] for t in shared if t[0] != NAME_PREFIX)
    value = rewrite_score(sum(mine[t] * theirs[t] for t in shared), numbers)
    evidence = rewrite_score(content, numbers)
    if words_alone(content, numbers):
        return value, evidence
    if value < REWRITE_THRESHOLD:
        # Short texts (feeds' excerpts) are little more than their leads: two outlets'
        # headlines that meet stand for the words their leads paraphrase.
        if not (value >= MEET_FLOOR and headlines_meet(a, b, language)):
            return None
        if content < max(HEADLINE_WORDS, HEADLINE_SHARE * value):
            return None
        names = [t for t in shared if t[0] == NAME_PREFIX]
        return None if names_only(evidence, names) else (value, evidence)
    if not numbers:
        # No figure: the headlines must share a word written in lower case (no name: one
        # company's two events share it), and the words be a part of the score.
        together = (
            a.plain_title & b.plain_title
            and content >= HEADLINE_WORDS
            and content >= HEADLINE_SHARE * value
        )
        return (value, evidence) if together else None
    names = [t for t in shared if t[0] == NAME_PREFIX]
    return None if names_only(evidence, names) else (value, evidence)


def _figures_kept(cut: Features, full: Features) -> Features:
    """Return the terms of a text read without some clauses, the full text's figures kept:
    a figure a clause states ("Brandao-Kell, who cost £47m, ...") is the event's still."""
    terms = Counter(cut.terms)
    terms.update({t: n for t, n in full.terms.items() if t[0] == NUMBER_PREFIX and t not in terms})
    return replace(cut, terms=terms)


def _page(text: str) -> bool:
    """Return whether a text is as long as a fetched page (``PAGE_WORDS``), not a teaser."""
    return len(text.split(maxsplit=PAGE_WORDS - 1)) >= PAGE_WORDS


def _fresh(published: int, cand: _Indexed) -> bool:
    """Return whether a candidate's story began within ``FRESH`` of an article's time."""
    return abs(published - cand.first_seen) <= FRESH.total_seconds()


def restarted(found: Sequence[_Indexed]) -> dict[int, int]:
    """Return the stories among the candidates whose first article stood alone ``LATER`` or
    more before the next, each with that next article's publication time (unix seconds).

    Such a first article may be a look-alike the event's first report joined
    (``look_alike_first``): the event began at the next article.
    """
    members: dict[int, list[_Indexed]] = {}
    for c in found:
        members.setdefault(c.story_id, []).append(c)
    clock: dict[int, int] = {}
    for story, group in members.items():
        group.sort(key=lambda c: (c.published, c.article_id))
        if (
            len(group) >= 2
            and group[0].published <= group[0].first_seen  # the story's first is here
            and group[1].published - group[0].published >= LATER.total_seconds()
        ):
            clock[story] = group[1].published
    return clock


def _first(pair: tuple[float, _Indexed]) -> float:
    return pair[0]


@dataclass(frozen=True, slots=True)
class Article:
    """What the matcher knows of an article."""

    published: int  # unix seconds
    features: Features
    signature: Signature | None  # None: indexed after the fact without one
    row: ClusterArticle | None = None  # its title and whole text, for a second look


def _article(row: ClusterArticle, signature: Signature | None) -> Article:
    return Article(
        _unix(row.published),
        features(row.title, row.text, row.language or None),
        signature,
        row,
    )


def _whole(row: ClusterArticle) -> Features:
    return features(row.title, row.text, row.language or None, whole=True)


@dataclass(frozen=True, slots=True)
class Match:
    """The story an article joins, and how strongly (1.0 for a copy)."""

    story_id: int
    score: float
    also: tuple[int, ...] = ()  # other same-day stories the article passes for: one event
    peel: int | None = None  # the story's first article, a look-alike its event joined


@dataclass(frozen=True, slots=True)
class _Indexed:
    article_id: int
    story_id: int
    first_seen: int  # the story's
    stored: str  # its terms as stored (``encode``), decoded when first read (``terms``)
    norm: float  # of its weighted terms when indexed
    signature: Signature | None
    title: frozenset[str] = frozenset()  # its title's terms
    published: int = 0  # its own publication time (unix seconds)
    _terms: Counter[str] | None = field(default=None, compare=False, repr=False)

    @property
    def terms(self) -> Counter[str]:
        """Its term counts, decoded once: a candidate whose story is not ``_fresh`` is read
        for its signature alone."""
        terms = self._terms
        if terms is None:
            terms = decode(self.stored)
            object.__setattr__(self, "_terms", terms)
        return terms


@dataclass(frozen=True, slots=True)
class _Close:
    """A same-day candidate that came near an article: its cosine, the words' part, figures."""

    cand: _Indexed
    cos: float
    words: float
    numbers: int


def lead_near(
    shared: Sequence[str], value: float, words: float, seconds: int, language: str | None
) -> bool:
    """Return whether a lead under the threshold joins a report published close to it.

    Outside English, two reports published within ``NEAR_HOURS`` (``seconds`` apart) join
    on ``MIN_SHARED_TERMS`` shared terms, a score of ``SECOND_LOOK_FLOOR`` and
    ``NAMES_WORDS`` of the cosine in shared terms other than names. Outlets rewrite an
    event within the hour, each from its own angle and in its own words; the same cast's
    other news (a look-alike) comes hours apart. English keeps its threshold.

    Under the floor, the shared words alone (names aside) at ``NEAR_WORDS`` of the cosine
    join them too: German writes an event's words into compounds of its own ("Grundsteuer" /
    "Steuerschraube") and keys no names apart (its nouns are capitalised), so two outlets'
    leads of one event score lower there than elsewhere. The two acts of one council
    session that such a lead would also join are kept apart by ``acts_apart``.
    """
    return (
        language_name(language) != DEFAULT_LANGUAGE
        and len(shared) >= MIN_SHARED_TERMS
        and ((value >= SECOND_LOOK_FLOOR and words >= NAMES_WORDS) or words >= NEAR_WORDS)
        and abs(seconds) <= NEAR_HOURS.total_seconds()
    )


def acts_apart(mine: Mapping[str, int], theirs: Mapping[str, int], shared: int) -> bool:
    """Return whether two leads each state ``FIGURES_APART`` figures and share none.

    ``shared``: the figures the two share (``shared_numbers``). Figures as
    ``headline_figures`` reads them (years, dates, times, vague amounts and small counts
    keyed with their word aside). Two acts of one council session or one town's two votes,
    told within the hour, share the council, the town, the mayor and the session's words;
    each report gives its own act's tally and sums ("26 zu 8", "8,4 Millionen"; "17 zu 17",
    "180 Wohnungen"), and two reports of one act give the same.
    """
    return (
        not shared
        and len(_values(mine, counts=False)) >= FIGURES_APART
        and len(_values(theirs, counts=False)) >= FIGURES_APART
    )


def figure_and_names(
    mine: Mapping[str, int],
    theirs: Mapping[str, int],
    numbers: int,
    words: float,
    seconds: int,
    language: str | None,
) -> bool:
    """Return whether a lead passing within the hour rests on one plain figure and names.

    Outside English, two reports published within ``FIGURE_HOURS`` (``seconds`` apart) that
    reach the threshold with one shared figure's bonus (``numbers``) and share words, names
    aside, under ``NAMES_WORDS`` of the cosine (``words``): two acts of one institution on
    one day share its names (the hospital, its town, its director) and a figure by chance
    ("około 70 pacjentów" of the dialysis station, "70 km" to the next children's ward), not
    the act's words. A score ("2:1") or a count keyed with what it counts ("2 essais") is the
    event's own: two reports of one match share its teams, its scorer and its result.
    """
    if (
        numbers != 1
        or language_name(language) == DEFAULT_LANGUAGE
        or abs(seconds) > FIGURE_HOURS.total_seconds()
        or words >= NAMES_WORDS
    ):
        return False
    return not any(_score(t) or ":" in t for t in mine if t[0] == NUMBER_PREFIX and t in theirs)


def head_tails(terms: Iterable[str], language: str) -> dict[str, str]:
    """Return the endings of an article's words that may be another report's compound head,
    each with its word ("barockorgel": "orgel", "rgel" too short; "kriminalpoliz": ...).

    Only in ``HEAD_LANGUAGES``, only words (no name, no figure), endings of ``HEAD_LETTERS``
    letters or more that leave more than two letters before them and that are in no rank of
    the language's commonest words: a common head is read by ``compound_parts`` already."""
    if language not in HEAD_LANGUAGES:
        return {}
    ranks = _ranked_stems(language)
    tails: dict[str, str] = {}
    for term in terms:
        if term[0] in (NAME_PREFIX, NUMBER_PREFIX):
            continue
        for start in range(3, len(term) - HEAD_LETTERS + 1):
            tail = term[start:]
            if tail not in ranks:
                tails.setdefault(tail, term)
    return tails


@lru_cache(maxsize=4)
def _ranked_stems(language: str) -> frozenset[str]:
    """Return the language's commonest words (``_common_ranks``) and their stems: terms are
    stems ("wass" of "Wasser")."""
    words = _common_ranks(_CODES.get(language, ""))
    stem = language_tools(language).stem
    return frozenset({*words, *map(stem, words)})


def compound_heads(
    mine: Mapping[str, float],
    theirs: Mapping[str, int],
    tails: Mapping[str, str],
    their_tails: Mapping[str, str],
) -> list[tuple[str, str]]:
    """Return the pairs of unshared words (mine, theirs) of which one is the other's
    compound head: "Orgel" of one report, "Barockorgel" of the other; "Mücke", "Tigermücke".
    German writes an event's thing into a compound of its own, and a head in no rank of its
    commonest words is not split off (``compound_parts``)."""
    pairs = []
    sides = ((mine, theirs, their_tails, False), (theirs, mine, tails, True))
    for heads, other, words, flip in sides:
        for term in heads:
            word = words.get(term)  # a word of the other side that this term is the head of
            if word is not None and term not in other and word not in heads:
                pairs.append((word, term) if flip else (term, word))
    return pairs


class _Matcher:
    """Find the story of a new article among indexed ones; keep term counts for the pass."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.df: dict[str, int] = {}
        self.total = store.story_term_counts(db, [""]).get("", 0)
        self.added: Counter[str] = Counter()  # term counts to store at the end of the pass

    def save_counts(self) -> None:
        """Store the term counts of the articles indexed in this pass."""
        store.add_story_term_counts(self.db, self.added)
        self.added.clear()

    def counts(self, terms: Iterable[str]) -> dict[str, int]:
        """Return (and keep) how many indexed articles hold each term."""
        missing = [t for t in terms if t not in self.df]
        if missing:
            found = store.story_term_counts(self.db, missing)
            for term in missing:
                self.df[term] = found.get(term, 0)
        return self.df

    def keys(self, terms: Mapping[str, int], prior: Mapping[str, float]) -> list[str]:
        """Return the rarest terms of an article, those worth looking up."""
        df = self.counts(terms)
        # A term no indexed article holds finds nothing: the rarest of the others are keys
        # (rarest as the weights count it: general text's counts first, then the window's).
        rare = sorted(
            (df[t] + prior.get(t, 0.0) * PRIOR_DOCS, t) for t in terms if 0 < df[t] <= KEY_MAX_DF
        )
        return [t for _, t in rare[:MAX_KEYS]]

    def candidates(
        self, terms: Mapping[str, int], prior: Mapping[str, float], published: int
    ) -> list[_Indexed]:
        """Return the indexed articles within the window sharing the most rare terms."""
        keys = self.keys(terms, prior)
        if not keys:
            return []
        span = int(WINDOW.total_seconds())
        weights = {t: idf(self.df[t], self.total, prior.get(t, 0.0)) for t in keys}
        rows = store.story_candidates(
            self.db,
            weights,
            start=published - span,
            end=published + span,
            limit=MAX_CANDIDATES,
        )
        return [
            _Indexed(
                r.article_id,
                r.story_id,
                _unix(r.first_seen),
                r.terms,
                r.norm,
                np.frombuffer(r.signature, dtype=np.uint32) if r.signature else None,
                frozenset(r.title.split()),
                r.published,
            )
            for r in rows
        ]

    def match(self, article: Article) -> Match | None:
        """Return the best story for an article, if any passes the rules."""
        feats = article.features
        language = article.row.language if article.row else None
        found = self.candidates(feats.terms, feats.prior, article.published)
        if not found:
            return None
        df, total = self.counts(feats.terms), self.total
        prior = feats.prior
        mine = weighted(feats.terms, df, total, prior)
        passing: dict[int, float] = {}  # story -> best score of a candidate that passed
        bridged: set[int] = set()  # stories passed on words or figures, not on names
        later: dict[int, float] = {}  # stories passed on a second look at whole texts
        near: list[tuple[float, _Indexed]] = []  # same-day candidates that came close
        faint: list[tuple[float, _Indexed]] = []  # and those that came less close
        pages: list[tuple[float, _Indexed]] = []  # those as close, sharing no headline term
        union: dict[int, list[_Close]] = {}  # same-day candidates that came near, by story
        cosines: dict[int, float] = {}  # of the candidates compared, by article
        sharing: dict[int, int] = {}  # how many terms each shares with the article
        wording: dict[int, float] = {}  # the shared words' part of the cosine, names aside
        texts: dict[int, ClusterArticle] = {}  # candidates' texts, read once when needed
        # Only copies join a story begun more than ``FRESH`` away, so only the rest are read
        # (every candidate of a story has its first_seen: a story is fresh or not as a whole).
        fresh = [c for c in found if _fresh(article.published, c)]
        # Who and where each names, read once for the stories kept apart and those merged.
        cast = {c.article_id: _names(c.terms, language) for c in fresh}
        apart = self.strange_stories(feats.terms, fresh, cast, language, article.row)
        previews = self.previews(article, fresh)
        cut = recalled_figures(article.row) if article.row is not None else frozenset()
        figures = own_figures(feats.terms, cut)  # a recall's figures are another event's
        page = (
            article.row is not None
            and language_name(language) == DEFAULT_LANGUAGE
            and _page(article.row.text)
        )

        def dot(cand: _Indexed, shared: Iterable[str]) -> float:
            return sum(
                mine[t] * tf_idf(cand.terms[t], df[t], total, prior.get(t, 0.0)) for t in shared
            )

        name = language_name(language)
        tails = head_tails(mine, name)

        def heads(cand: _Indexed) -> tuple[list[str], float]:
            """The compound heads the two share (``compound_heads``) and their part of the
            cosine; a head held by more than ``HEAD_DF`` indexed articles says nothing."""
            pairs = compound_heads(mine, cand.terms, tails, head_tails(cand.terms, name))
            if not pairs:
                return [], 0.0
            counts = self.counts([w for pair in pairs for w in pair])
            found, part = [], 0.0
            for term, theirs in pairs:
                head = min(term, theirs, key=len)
                if counts[head] > HEAD_DF or head in found:
                    continue
                found.append(head)
                weight = tf_idf(cand.terms[theirs], counts[theirs], total, 0.0)
                part += mine[term] * weight / cand.norm
            return found, part

        for cand in found:
            if (
                article.signature is not None
                and cand.signature is not None
                and similarity(article.signature, cand.signature) >= COPY_THRESHOLD
            ):
                # A copy of the event's report may be the one that shows its story's first
                # article a look-alike: the members' cosines are read for that, once the
                # story is too old for any report to join it. A copy is closest to its
                # original whichever that is, the event's report or a late piece on it;
                # while the story is fresh the event's next report tells them apart.
                if _fresh(article.published, cand):
                    return Match(cand.story_id, 1.0)
                for member in found:
                    if member.story_id == cand.story_id and member.norm:
                        shared = [t for t in mine if t in member.terms]
                        cosines[member.article_id] = dot(member, shared) / member.norm
                peel = self.look_alike_first(cand.story_id, found, cosines)
                return Match(cand.story_id, 1.0, peel=peel)
            if not _fresh(article.published, cand):
                continue  # the next day only copies join: anything else is a development
            if cand.story_id in apart:
                continue  # another event of the same beat: other people, other places
            if cand.article_id in previews:
                continue  # written before the event the article reports
            shared = [t for t in mine if t in cand.terms]
            # Only shared terms add to the dot product; the candidate's length is stored.
            cos = dot(cand, shared) / cand.norm if cand.norm else 0.0
            headed, part = heads(cand) if tails and cand.norm and cos >= UNION_FLOOR else ([], 0.0)
            cos += part
            cosines[cand.article_id] = cos
            sharing[cand.article_id] = len(shared) + len(headed)
            numbers = shared_numbers(figures, cand.terms)
            value = rewrite_score(cos, numbers) + figures_bonus(
                figures, cand.terms, numbers, language
            )
            words = 0.0  # the shared words' part of the cosine, names aside
            units = 0.0  # and of it, the words that spell a shared figure's size and unit
            if cos >= UNION_FLOOR:
                content = sum(
                    mine[t] * tf_idf(cand.terms[t], df[t], total, prior.get(t, 0.0))
                    for t in shared
                    if t[0] != NAME_PREFIX
                )
                words = content / cand.norm + part
                if numbers and feats.unit_words:
                    units = dot(cand, [t for t in shared if t in feats.unit_words]) / cand.norm
                wording[cand.article_id] = words
                union.setdefault(cand.story_id, []).append(_Close(cand, cos, words, numbers))
            shared = [*shared, *headed]
            seconds = article.published - cand.published
            if (
                lead_passes(shared, value, words, numbers, units)
                and not figure_and_names(figures, cand.terms, numbers, words, seconds, language)
            ) or (
                lead_near(shared, value, words, seconds, language)
                and not self.scored_apart(article, cand, texts)
                and not acts_apart(figures, cand.terms, numbers)
            ):
                if value > passing.get(cand.story_id, 0.0):
                    passing[cand.story_id] = value
                    if rewrite_score(words, numbers) >= CONTENT_NEEDED:
                        bridged.add(cand.story_id)
                continue
            if value >= REWRITE_THRESHOLD and len(shared) >= MIN_SHARED_TERMS:
                if value > passing.get(cand.story_id, 0.0):
                    near.append((value, cand))  # on names alone: the whole texts decide
                continue
            # A shared date is no evidence, but worth a look at the whole texts.
            close = rewrite_score(cos, numbers or shared_dates(feats.terms, cand.terms))
            if close >= SECOND_LOOK_FLOOR:
                near.append((close, cand))
            elif close >= FAINT_FLOOR and feats.title & cand.title:
                faint.append((close, cand))  # an angle piece's lead is its own
            elif close >= FAINT_FLOOR and page:
                pages.append((close, cand))  # another outlet's page: its lead is its own
        for story, members in union.items():
            if story not in passing and len(members) >= 2:
                together = self.union_score(members, article.row)
                if together is not None:
                    passing[story] = together
                    bridged.add(story)
        # Whole texts of the closest candidates: a story to join when the leads found none,
        # or one more to merge with the story the leads found.
        looked = [c for _, c in sorted(near, key=_first) if c.story_id not in passing]
        if looked and article.row is not None:
            for story, (value, evidence) in self.second_look(article.row, looked, cut).items():
                if evidence >= CONTENT_NEEDED:
                    bridged.add(story)
                if not passing or evidence >= CONTENT_NEEDED:
                    later[story] = value
        if faint and not passing and not later and article.row is not None:
            # An angle piece ("Hatton Brow residents shut windows as landfill burns") shares
            # a headline term and few lead words with the reports: nothing else passed, so
            # the whole texts are read, and must share the event's own words, names aside,
            # as the leads' ``words_alone`` asks of the whole cosine (``CONTENT_ALONE``; with
            # a figure, fewer). The headline term keeps the reads rare in a busy window.
            looked = [c for _, c in sorted(faint, key=_first)]
            for story, (value, evidence) in self.second_look(article.row, looked, cut).items():
                if evidence >= CONTENT_ALONE:
                    bridged.add(story)
                    later[story] = value
        if page and (pages or faint) and not passing and not later and article.row is not None:
            # Real outlets' pages of one event share few lead words (each opens on its own
            # angle) and no headline term ("Chelsea handed tie with Barcelona" / "Chelsea and
            # Man Utd face European giants" share only a name, "South America Eyes EU-Style
            # Integration" / "A dream with many hurdles" nothing; or a term, and whole words
            # beyond names short of ``CONTENT_ALONE``). Two pages whose whole texts score
            # ``PAGE_FLOOR``, far above the leads' bar, with ``CONTENT_NEEDED`` of it beyond
            # names, tell one event; look-alike pages (the BBC's) and ECB+'s stay under it.
            looked = [c for _, c in sorted(pages + faint, key=_first)]
            for story, (value, evidence) in self.second_look(
                article.row, looked, cut, pages=True
            ).items():
                if value >= PAGE_FLOOR and evidence >= CONTENT_NEEDED:
                    bridged.add(story)
                    later[story] = value
        if not passing and not later and article.row is not None:
            # An angle piece ("Fluoride vote divides Harlingworth parents") takes a word or
            # two from each report's whole text, too few for any one: the story's union of
            # whole texts must share the event's own words, names aside (``whole_union``).
            for story, members in union.items():
                if len(members) >= 2:
                    scored = self.whole_union(article.row, members, cut)
                    if scored is not None:
                        bridged.add(story)
                        later[story] = scored
        stories = {*passing, *later}
        dropped: set[int] = set()
        for story in (
            self.headlines_apart(article, stories, found, texts)
            | self.measured_apart(article, stories, found, texts)
            | self.earlier_apart(article, stories, found, language)
            | self.long_before(article, stories, found, bridged)
            | self.names_before(article, passing, bridged, union)
            | self.hours_before(article, stories, found, texts)
            | self.next_morning(article, figures, stories, found, texts)
            | self.told_before(article, stories, found, texts)
        ):
            passing.pop(story, None)
            later.pop(story, None)
            bridged.discard(story)
            dropped.add(story)
        told = article.row is not None and labelled(article.row.title, language_name(language))
        if not passing and not later:
            if not told:
                return None
            return self.explained(article, found, cosines, sharing, wording, dropped)
        first = passing or later
        ranked = sorted(first, key=lambda story: (-first[story], story))
        ranked = self.newer_first(ranked, {*passing, *later}, found)
        also = sorted({*passing, *later} - {ranked[0]}, key=lambda story: story)
        merged = tuple(
            s
            for s in also
            if s in bridged
            and not self.began_before(ranked[0], s, found)
            and not self.strange_pair(ranked[0], s, found, cast, language)
            and not self.told_apart(ranked[0], s, found, texts, language)
        )
        # A story merging others is one event's reports meeting: no look-alike leaves it.
        # A labelled piece is no new event: it never shows a story's first article a look-alike.
        peel = None if merged or told else self.look_alike_first(ranked[0], found, cosines)
        return Match(ranked[0], first.get(ranked[0], later.get(ranked[0], 0.0)), merged, peel)

    @staticmethod
    def explained(
        article: Article,
        found: Sequence[_Indexed],
        cosines: Mapping[int, float],
        sharing: Mapping[int, int],
        wording: Mapping[int, float],
        dropped: set[int],
    ) -> Match | None:
        """Return the story a labelled piece (``labelled``: "Explainer:", "Analysis:") joins
        when no rule passed: that of the closest candidate published within ``LATER`` of it
        whose lead comes ``LABEL_FLOOR`` close, sharing ``LABEL_SHARED`` terms and words
        worth ``LABEL_WORDS`` of the cosine, names aside; else None.

        Such a piece tells no new event; it explains or answers one in the news hours before,
        in words of its own ("Explainer: why rural births on the road are rising" on twins
        born in an ambulance): its lead shares a few of the report's words and names, too few
        for a report. The same cast's other news of the day before is older than ``LATER``;
        its other act of the same day shares the names, not the words. The piece merges no
        stories and shows no story's first article a look-alike.
        """
        close = [
            (cosines[c.article_id], c)
            for c in found
            if c.article_id in cosines
            and c.story_id not in dropped
            and abs(article.published - c.published) <= LATER.total_seconds()
            and cosines[c.article_id] >= LABEL_FLOOR
            and sharing[c.article_id] >= LABEL_SHARED
            and wording.get(c.article_id, 0.0) >= LABEL_WORDS
        ]
        if not close:
            return None
        score, best = max(close, key=lambda pair: (pair[0], -pair[1].article_id))
        return Match(best.story_id, score)

    def newer_first(
        self, ranked: list[int], stories: set[int], found: Sequence[_Indexed]
    ) -> list[int]:
        """Return the ranking with a story begun ``LATER`` or more after the first one's
        newest candidate put first (the best such, as ranked) when that first one was sent,
        queued or posted; else the ranking as it was.

        A look-alike sent before its event's reports joined it keeps its story as it was
        sent, and the reports leave for a story of their own (``look_alike_first``,
        ``store.split_after_first``). A further report of the event that names the
        look-alike's news as well ("Tumblewick Toys, which launched a wooden railway set
        this morning, is to close its factory") can come closer to it than to the event's
        reports, and would merge the event's story back into the sent one, which is not
        sent again: it joins the event's story instead, and the sent story, begun that long
        before, merges nothing (``began_before``). A story never sent is left to the rules
        as before: a late piece that started its own story hours after the event's first
        report (heldout5's tower vote) merges into it when a report passes for both; sent
        or posted, that piece's story was most often delivered too, and merged nothing.
        """
        if len(stories) < 2:
            return ranked
        newest: dict[int, float] = {}
        start: dict[int, float] = {}
        for cand in found:
            newest[cand.story_id] = max(newest.get(cand.story_id, 0.0), cand.published)
            start[cand.story_id] = cand.first_seen
        old = newest[ranked[0]] + LATER.total_seconds()
        rest = [*ranked[1:], *sorted(stories - set(ranked), key=lambda s: (-start[s], s))]
        story = next((s for s in rest if start[s] >= old), None)
        if story is None or not store.delivered_stories(self.db, [ranked[0]]):
            return ranked
        return [story, *(s for s in ranked if s != story)]

    def look_alike_first(
        self, story: int, found: Sequence[_Indexed], cosines: Mapping[int, float]
    ) -> int | None:
        """Return the first article of the story the article joins when it is a look-alike
        that the event's first report joined (the article id), else None.

        A look-alike may come first: the toymaker's new railway range at dawn, its factory's
        closure nine hours later, whose first report joins the range's story of one article
        (the cast, the beat's words, a figure), and every later report of the closure
        follows. The next report tells: it is closer (cosine of the leads) to the first
        report of its event than to the look-alike. So when the story's first article stood
        alone ``LATER`` (6 h) or more before the next joined it, and the article comes closer
        to a later member than to that first one, the first leaves the story
        (``assign_stories``). Alone ``ALONE_BEFORE`` (4 h) to ``LATER``, the first leaves
        only when the article's lead is also far from it, under ``SECOND_LOOK_FLOOR``: the
        restored Madonna at 06:00, the Roman mosaic found under the same church at 10:10
        (the church, the archaeologist), the mosaic's next report 0.22 from the Madonna and
        0.41 from the mosaic's first report. An event's own first report, alone that long,
        is nearer its next reports than that (fr11's: 0.25 or more). A late report joining an
        event's first report alone is closer to that report than the next late report is
        (reports state the event; late pieces each take their own angle). When the story was sent, queued or posted, the split
        is the same but the other side moves: the first stays, as it was sent, and the
        later members go with the article to a new story (``assign_stories``).
        """
        members = sorted(
            (c for c in found if c.story_id == story), key=lambda c: (c.published, c.article_id)
        )
        if len(members) < 2:
            return None
        first = members[0]
        if first.published > first.first_seen or first.article_id not in cosines:
            return None  # the story's first article is not among the candidates
        alone = members[1].published - first.published
        if alone < ALONE_BEFORE.total_seconds():
            return None
        if max(cosines.get(c.article_id, 0.0) for c in members[1:]) <= cosines[first.article_id]:
            return None
        if alone < LATER.total_seconds() and cosines[first.article_id] >= SECOND_LOOK_FLOOR:
            return None  # alone a morning only: the article must be far from the first too
        # The index may hold members the candidates left out: the first stood alone?
        held = store.story_members(self.db, story)
        if len(held) < 2 or held[0].article_id != first.article_id:
            return None
        if _unix(held[1].published) - first.published < ALONE_BEFORE.total_seconds():
            return None
        return first.article_id

    @staticmethod
    def earlier_apart(
        article: Article, stories: set[int], found: Sequence[_Indexed], language: str | None
    ) -> set[int]:
        """Return the stories begun ``LATER`` or more before the article, of another day.

        A report of the same company, team or place from the day before shares the names,
        the beat's words and often a figure of the subject's size, but it tells what
        happened on another day, and its headline another event: each candidate of the
        story names a day of the week in its lead, none the article's lead names, its
        headline has no word the article's headline writes in lower case, and it shares no
        figure with the article ("Corveston bus fares to rise 20p", said on Monday;
        "Corveston's first tram in 70 years carries passengers", on Tuesday). Reports of
        one event name its day, angle pieces the next morning too ("late on Tuesday") or
        the event's figures; within ``LATER`` of the story's start they join as before.
        """
        plain = article.features.plain_title
        mine = days(article.features.terms, language)
        if not plain or not mine or not stories:
            return set()
        start = article.published - LATER.total_seconds()
        verdicts: dict[int, bool] = {}
        for cand in found:
            if cand.story_id in stories:
                theirs = days(cand.terms, language)
                apart = (
                    cand.first_seen <= start
                    and bool(theirs)
                    and not mine & theirs
                    and not plain & cand.title
                    and not shared_numbers(article.features.terms, cand.terms)
                )
                verdicts[cand.story_id] = verdicts.get(cand.story_id, True) and apart
        return {story for story, apart in verdicts.items() if apart}

    @staticmethod
    def long_before(
        article: Article, stories: set[int], found: Sequence[_Indexed], bridged: set[int]
    ) -> set[int]:
        """Return the stories of one candidate, seen ``LONG_BEFORE`` or more before the article.

        A look-alike of the same place or people ("Tangleweed Marine launches seaweed crisps",
        at 2 am) comes hours before the event's reports ("Ebbercombe kelp farm wins licence
        after two-year wait", at 8 pm): the two share the cast and the beat's words, and the
        look-alike often names what is to come ("a decision is due soon"). Dropped when that one candidate's
        headline shares no word the article's writes in lower case and the two share no
        figure (units of time aside). A story its reports have grown holds more than one
        candidate; a late angle piece on an event keeps its headline word or its figure.
        Dropped whatever the headlines and figures when the article passed for it on names
        (not in ``bridged``: words and figures, names aside, under ``CONTENT_NEEDED`` on the
        leads and on the whole texts): a look-alike shares the subject's words ("paddle
        steamer") and its whole cast, and the event's first report finds it alone.
        """
        plain = article.features.plain_title
        start = article.published - LONG_BEFORE.total_seconds()
        alone: dict[int, _Indexed | None] = {}
        for cand in found:
            if cand.story_id in stories:
                alone[cand.story_id] = None if cand.story_id in alone else cand
        return {
            story
            for story, cand in alone.items()
            if cand is not None
            and cand.first_seen <= start
            and (
                story not in bridged
                or (
                    not plain & cand.title
                    and not shared_numbers(
                        article.features.terms, cand.terms, counts=False, spans=False
                    )
                )
            )
        }

    @staticmethod
    def names_before(
        article: Article,
        passing: Mapping[int, float],
        bridged: set[int],
        union: Mapping[int, list[_Close]],
    ) -> set[int]:
        """Return the stories begun ``NAMES_BEFORE`` or more before the article that it passed
        for on the leads' shared names alone: no candidate of the story shares a figure with
        it, and in none do the shared words, names aside, make ``NAMES_WORDS`` of the cosine.

        The same cast's other news hours before (the fudge firm's sale in the morning, its
        first shop in the afternoon; the refuge's new barn at dawn, its rescue of 23 donkeys
        that afternoon) shares the company, its owner and its place, and little else: the act,
        the things acted on and the day's figures are each article's own. A report of one
        event written hours later still shares a few of its words (the fire, the factory, the
        sale); a match report written soon after the whistle may share only names, and joins
        within ``NAMES_BEFORE``. Stories passed on words or figures (``bridged``) or on a
        second look are not dropped here.
        """
        start = article.published - NAMES_BEFORE.total_seconds()
        return {
            story
            for story in passing
            if story not in bridged
            and story in union
            and all(
                c.cand.first_seen <= start and c.numbers == 0 and c.words < NAMES_WORDS
                for c in union[story]
            )
        }

    def hours_before(
        self,
        article: Article,
        stories: set[int],
        found: Sequence[_Indexed],
        texts: dict[int, ClusterArticle],
    ) -> set[int]:
        """Return the stories of one candidate, seen ``LATER`` or more before the article,
        whose whole text shares no figure with the article's and whose headline no word
        the article's headline writes in lower case.

        The same cast doing another act later that day (the quarry's slate contract at dawn,
        its rockfall by noon; the nursery's tulip deal, then the hailstorm that smashed its
        glasshouses; the champion's first match, then his defeat by a teenager) shares the
        people, the place and the beat's words, on the leads or on whole texts, and its
        headline names another act. A late report or angle piece of one event states one of
        its figures somewhere in its text (the prize's £50,000, the 35 beds of the closing
        ward) or names in its headline what the report's headline does ("lorry"). Small
        counts, spans of time and units of time are no figure here; a score is one for a
        story begun under ``NEXT_MORNING`` before: a match's result told that night and the
        next morning ("со счётом 4:3" / "3:4 в дополнительное время", "mit 2:1" / "mit zwei
        zu eins"; ru11, de11, fr9, pt3), its headlines on two moments of it; a piece a day
        and more later recalls it. The texts are read only for the stories the article
        passes for that are that old and alone.
        """
        row = article.row
        if row is None or not stories:
            return set()
        plain = article.features.plain_title
        start = article.published - LATER.total_seconds()
        alone: dict[int, _Indexed | None] = {}
        for cand in found:
            if cand.story_id in stories:
                alone[cand.story_id] = None if cand.story_id in alone else cand
        roads, road_words = road_figures(row)
        # A headline word the candidate's headline holds only inside a name is the subject's
        # name ("Kerry refuge" under "Knockcarrig Donkey Refuge opens winter barn"), no act;
        # nor is the kind of a road named by its number ("provinciale 27").
        acts = {t for t in plain if t[0] != NAME_PREFIX} - road_words
        old = [
            c
            for c in alone.values()
            if c is not None and c.first_seen <= start and not acts & c.title
        ]
        if not old:
            return set()
        self.read(old, texts)
        figures = own_figures(_whole(row).terms, recalled_figures(row) | roads)
        morning = article.published - NEXT_MORNING.total_seconds()
        return {
            c.story_id
            for c in old
            if c.article_id in texts
            and not shared_numbers(
                figures,
                _whole(texts[c.article_id]).terms,
                durations=False,
                counts=False,
                spans=False,
                scores=c.first_seen > morning,
            )
        }

    def next_morning(
        self,
        article: Article,
        figures: Mapping[str, int],
        stories: set[int],
        found: Sequence[_Indexed],
        texts: dict[int, ClusterArticle],
    ) -> set[int]:
        """Return the stories begun ``NEXT_MORNING`` or more before the article, sharing no
        figure of a headline.

        A piece of the next morning on the same cast ("Blood service appeals for O-negative
        donors in Orpwick", a day after the town's donor centre opened; the cricket club's
        pavilion burnt down the morning after it planned a centenary match) shares the
        people, the place and the beat's words, and its headline may share the subject
        ("pavilion"); what it does not share is a figure of the other event. The late
        reports and angle pieces of one event state the figure one of the two headlines
        states (the £1.2bn of the takeover, the 2,300 evacuated, the cup final's "14-year
        wait"); a figure both texts only repeat from earlier news (the bunker's 120 rooms and
        its £150,000 guide price, on the open day and at the auction the next morning) is
        the subject's, not the event's. Small counts ("three times") are no evidence here,
        nor the figures the article states only where it recalls another event (``figures``,
        ``own_figures``: "a day after it voted to raise allotment rents from £38 to £95").
        The candidates' titles are read only for the stories the article passes for that are
        that old. A story whose first article stood alone ``LATER`` or more is that old from
        its next article (``restarted``): the sinking's next report, 18 h after the paddle
        steamer's refit was announced and under an hour after the sinking's first report
        joined the refit's story, joins the sinking.
        """
        row = article.row
        start = article.published - NEXT_MORNING.total_seconds()
        clock = restarted(found)  # a story whose first stood alone: from the next article
        old = [
            c
            for c in found
            if c.story_id in stories and clock.get(c.story_id, c.first_seen) <= start
        ]
        if not old:
            return set()
        self.read(old, texts)
        mine = _quantities(row.title, row.language) if row is not None else set()
        verdicts: dict[int, bool] = {}
        for cand in found:
            if cand.story_id in stories:
                other = texts.get(cand.article_id)
                heads = mine | (
                    set() if other is None else _quantities(other.title, other.language)
                )
                headed = {t: n for t, n in figures.items() if t in heads}
                theirs = {t: n for t, n in cand.terms.items() if t in heads}
                apart = clock.get(cand.story_id, cand.first_seen) <= start and not (
                    shared_numbers(headed, cand.terms, durations=False, counts=False, scores=False)
                    or shared_numbers(theirs, figures, durations=False, counts=False, scores=False)
                )
                verdicts[cand.story_id] = verdicts.get(cand.story_id, True) and apart
        return {story for story, apart in verdicts.items() if apart}

    def told_before(
        self,
        article: Article,
        stories: set[int],
        found: Sequence[_Indexed],
        texts: dict[int, ClusterArticle],
    ) -> set[int]:
        """Return the stories begun ``LATER`` or more before the article that it passes for
        only through what a person named in it did before (``WHO_BEFORE``).

        The same cast's next news hours later tells who its people are in a clause set off
        by commas ("Blacksmith Gruffydd Culhane, who made steel poppies for the memorial's
        centenary, said ..."; "Decimus Rowse, who helped lead both the pub campaign and the
        recent bakery share offer, said ..."): the earlier event, told as the person's past.
        The article is compared again with the story's candidates, on the leads and on
        whole texts, by the rules that join (the words alone, or the threshold not on
        names; ``whole_score``), with those clauses and without them: a story some
        candidate of which passes with them and none without is dropped. A clause that
        tells no more than who someone is ("who lives alone", "who studies coastal
        erosion") changes nothing.
        """
        row = article.row
        if row is None or not stories:
            return set()
        cue = WHO_BEFORE.get(language_tools(row.language).name)
        if cue is None or cue.search(row.text[:BODY_CHARS]) is None:
            return set()
        start = article.published - LATER.total_seconds()
        members = [c for c in found if c.story_id in stories and c.first_seen <= start]
        if not members:
            return set()
        self.read(members, texts)
        cut = replace(row, text=cue.sub(",", row.text[:BODY_CHARS]))
        lead, whole = article.features, _whole(row)
        told = self._passing(lead, whole, recalled_figures(row), members, texts, row.language)
        return told - self._passing(
            _figures_kept(features(cut.title, cut.text, cut.language or None), lead),
            _figures_kept(_whole(cut), whole),
            recalled_figures(row),
            members,
            texts,
            row.language,
        )

    def _passing(
        self,
        feats: Features,
        whole: Features,
        recalls: frozenset[str],
        members: Sequence[_Indexed],
        texts: dict[int, ClusterArticle],
        language: str | None,
    ) -> set[int]:
        """Return the stories of these candidates that an article's terms pass for, on its
        lead (``feats``) or its whole text (``whole``) (``told_before``)."""
        figures = own_figures(feats.terms, recalls)
        df = self.counts({*feats.terms, *whole.terms})
        mine = weighted(feats.terms, df, self.total, feats.prior)
        told: set[int] = set()
        for cand in members:
            if cand.story_id in told:
                continue
            shared = [t for t in mine if t in cand.terms]
            weights = {
                t: mine[t] * tf_idf(cand.terms[t], df[t], self.total, feats.prior.get(t, 0.0))
                for t in shared
            }
            norm = cand.norm or 1.0
            cos = sum(weights.values()) / norm
            words = sum(v for t, v in weights.items() if t[0] != NAME_PREFIX) / norm
            numbers = shared_numbers(figures, cand.terms)
            if lead_passes(shared, rewrite_score(cos, numbers), words, numbers):
                told.add(cand.story_id)
                continue
            other = texts.get(cand.article_id)
            if other is None:
                continue
            theirs = _whole(other)
            self.counts(theirs.terms)
            if whole_score(whole, theirs, self.df, self.total, recalls, language) is not None:
                told.add(cand.story_id)
        return told

    def previews(self, article: Article, found: Sequence[_Indexed]) -> set[int]:
        """Return the candidates (article ids) that preview the event the article reports.

        A candidate headlined "... ahead of Y" or "Amber warning for Y" (``previewed``), first
        seen before the article, whose Y the article's headline names while it is no preview
        or warning itself.
        """
        title = article.features.title
        if PREVIEW_TERMS & title:
            return set()
        cues = [c for c in found if PREVIEW_TERMS & c.title and c.first_seen <= article.published]
        if not cues:
            return set()
        rows = store.cluster_articles(self.db, [c.article_id for c in cues])
        return {r.id for r in rows if reports_previewed(title, previewed(r.title, r.language))}

    def scored_apart(
        self, article: Article, cand: _Indexed, texts: dict[int, ClusterArticle]
    ) -> bool:
        """Return whether the article's headline and the candidate's give two scores, none shared.

        Two matches of one league told within the hour share the beat's words (the derby,
        the spectators, the minute of a goal, the table) and, in a text, a score one of them
        passed through ("zum 1:1 gekommen"); their headlines give each match's result ("3:1",
        "1:1"). Two reports of one match give its one result, in either team's order
        (``headline_scores``). The candidate's text is read only when the article's headline
        states a score.
        """
        row = article.row
        if row is None:
            return False
        scores = headline_scores(row)
        if not scores:
            return False
        self.read([cand], texts)
        other = texts.get(cand.article_id)
        return other is not None and scores_apart(scores, headline_scores(other))

    def read(self, members: Iterable[_Indexed], texts: dict[int, ClusterArticle]) -> None:
        """Read the texts of these candidates into ``texts`` (by article id), once each."""
        missing = [c.article_id for c in members if c.article_id not in texts]
        if missing:
            texts.update((r.id, r) for r in store.cluster_articles(self.db, missing))

    def measured_apart(
        self,
        article: Article,
        stories: set[int],
        found: Sequence[_Indexed],
        texts: dict[int, ClusterArticle],
    ) -> set[int]:
        """Return the stories whose every candidate stating a size is ``measured_apart``.

        Only for the stories the article passes for, and only when the article states an
        amount of mass; a candidate stating none counts neither way.
        """
        row = article.row
        if row is None or not stories:
            return set()
        mine = text_measures(row)
        if not mine:
            return set()
        members = [c for c in found if c.story_id in stories]
        self.read(members, texts)
        verdicts: dict[int, bool] = {}
        for cand in members:
            other = texts.get(cand.article_id)
            apart = None if other is None else measured_apart(mine, text_measures(other))
            if apart is not None:
                verdicts[cand.story_id] = verdicts.get(cand.story_id, True) and apart
        return {story for story, apart in verdicts.items() if apart}

    def told_apart(
        self,
        story: int,
        other: int,
        found: Sequence[_Indexed],
        texts: dict[int, ClusterArticle],
        language: str | None,
    ) -> bool:
        """Return whether two stories an article passes for are two events all the same.

        An article stating no size, or whose headline names no one rare, can pass for two
        events of one beat (a third report of one bird-flu farm, the national count in its
        title): its stories do not merge when every pair of their candidates that can be
        compared so is ``measured_apart``, or ``headlines_apart``.
        """
        mine = [c for c in found if c.story_id == story]
        theirs = [c for c in found if c.story_id == other]
        self.read([*mine, *theirs], texts)
        rows = {
            c.article_id: texts[c.article_id] for c in (*mine, *theirs) if c.article_id in texts
        }
        sizes = {i: text_measures(r) for i, r in rows.items()}
        heading = {
            c.article_id: Heading(rows[c.article_id], title_names(c.title, rows[c.article_id]))
            for c in (*mine, *theirs)
            if c.article_id in rows
        }
        measured: list[bool] = []
        headed: list[bool] = []
        for a in mine:
            for b in theirs:
                if a.article_id not in rows or b.article_id not in rows:
                    continue
                apart = measured_apart(sizes[a.article_id], sizes[b.article_id])
                if apart is not None:
                    measured.append(apart)
                told = heading[a.article_id].apart(heading[b.article_id])
                if told is not None:
                    headed.append(told)
        return (bool(measured) and all(measured)) or (bool(headed) and all(headed))

    def headlines_apart(
        self,
        article: Article,
        stories: set[int],
        found: Sequence[_Indexed],
        texts: dict[int, ClusterArticle],
    ) -> set[int]:
        """Return the stories whose every candidate's headline is apart from the article's.

        Read on whole texts (``Heading.apart``), only for the stories the article passes for;
        a candidate whose headline cannot be compared so counts neither way. Apart too, a
        story whom no member's opening names the article's headline person (``subjects``,
        ``about_other``), one of whose members' headline persons the article's opening never
        names: two players of one team put on injured reserve the same day ("Pierre Thomas
        placed on injured reserve by New Orleans Saints", "Saints place RB Bush on injured
        reserve"), each report naming the other player below its lead, as a teammate or an
        earlier case. The team both name is their common setting. A labelled piece
        ("Analysis: ...") opens on its own angle's person and is not read so.
        """
        row = article.row
        if row is None or not stories:
            return set()
        mine = Heading(row, title_names(article.features.title, row))
        if not mine.heads and not mine.figures and not mine.actors and not mine.subjects:
            return set()
        # A labelled piece ("Analysis: ...") is about its own angle's person, not the event's.
        about = not labelled(row.title, language_name(row.language))
        members = [c for c in found if c.story_id in stories]
        if not members:
            return set()
        self.read(members, texts)
        verdicts: dict[int, bool] = {}
        # Whom the headlines are about (``Heading.subjects``), read over the story: the
        # article's person is in no member's opening, and a member's in none of the article's.
        strange: dict[int, bool] = {}
        theirs: set[int] = set()
        for cand in members:
            other = texts.get(cand.article_id)
            if other is None:
                continue
            heading = Heading(other, title_names(cand.title, other))
            if about and mine.subjects:
                strange[cand.story_id] = strange.get(cand.story_id, True) and mine.about_other(
                    heading
                )
                if heading.subjects and heading.about_other(mine):
                    theirs.add(cand.story_id)
            apart = mine.apart(heading)
            if apart is None:
                continue
            verdicts[cand.story_id] = verdicts.get(cand.story_id, True) and apart
        told = {story for story, apart in strange.items() if apart and story in theirs}
        return told | {story for story, apart in verdicts.items() if apart}

    @staticmethod
    def strange_stories(
        terms: Mapping[str, int],
        found: Sequence[_Indexed],
        names: Mapping[int, _Names],
        language: str | None,
        row: ClusterArticle | None = None,
    ) -> set[int]:
        """Return the stories whose named candidates are all ``strangers`` to the article.

        A story is kept from the article as a whole: a member naming no one (a brief, an
        angle piece) could otherwise carry it into another event's story. ``names``: each
        candidate's, by article id. A candidate whose rare name the article's own text
        (``row``, recalls cut: ``own_text``) writes below its lead is no stranger: an angle
        piece ("What a royal warrant is worth to a small business") opens on its own people
        and names the event's once, further down.
        """
        mine = _names(terms, language)
        if mine.count < STRANGER_NAMES:
            return set()
        whole: str | None = None  # the title and text, then (on a mention) without recalls
        own: str | None = None
        verdicts: dict[int, bool] = {}
        for cand in found:
            theirs = names[cand.article_id]
            if theirs.count >= STRANGER_NAMES:
                alone = _apart(terms, mine, cand.terms, theirs, language)
                if alone and row is not None:
                    if whole is None:
                        whole = f"{row.title}\n{row.text[:BODY_CHARS]}".lower()
                    if _mentioned(theirs, whole):
                        own = own_text(row).lower() if own is None else own
                        alone = not _mentioned(theirs, own)
                verdicts[cand.story_id] = verdicts.get(cand.story_id, True) and alone
        return {story for story, apart in verdicts.items() if apart}

    @staticmethod
    def began_before(story: int, other: int, found: Sequence[_Indexed]) -> bool:
        """Return whether the other story began ``MERGE_BEFORE`` or more before the story joined.

        Two outlets' first reports of one event that missed each other come close in time,
        and a later report joins the one of them it matches best. A story begun hours
        before the one the article joins is the cast's earlier news (the quarry's slate
        contract at dawn, its rockfall's reports from noon; the town's car park chargers, then
        its parking meters scrapped): a report of the later event that passes for it too on
        a figure both repeat (the quarry's 48 staff) merges nothing.
        """
        start = {c.story_id: c.first_seen for c in found}
        return start[other] <= start[story] - MERGE_BEFORE.total_seconds()

    @staticmethod
    def strange_pair(
        story: int,
        other: int,
        found: Sequence[_Indexed],
        names: Mapping[int, _Names],
        language: str | None,
    ) -> bool:
        """Return whether two stories' named candidates are all ``strangers`` to each other.

        An article naming no one can pass for two stories of one beat (the German and the
        Canadian jobless figures); that makes them no one event.
        """

        def named_of(story_id: int) -> list[_Indexed]:
            return [
                c
                for c in found
                if c.story_id == story_id and names[c.article_id].count >= STRANGER_NAMES
            ]

        mine, theirs = named_of(story), named_of(other)
        return bool(mine and theirs) and all(
            _apart(a.terms, names[a.article_id], b.terms, names[b.article_id], language)
            for a in mine
            for b in theirs
        )

    def union_score(self, members: Sequence[_Close], row: ClusterArticle | None) -> float | None:
        """Return the score of an article against a story's union if its words alone pass.

        The union is the centroid of the story's members among the candidates (each a unit
        vector): the article's cosine with it is the sum of its cosines with them over the
        centroid's length. An angle piece often takes a word or two from each report; a
        look-alike shares the story's names, which do not count here.
        """
        common = background(language_tools(row.language if row else None).name)
        df = self.counts({t for m in members for t in m.cand.terms})
        units = [
            {
                t: tf_idf(n, df[t], self.total, common.get(t, 0.0)) / m.cand.norm
                for t, n in m.cand.terms.items()
                if weighs(t)
            }
            for m in members
        ]
        square = float(len(units)) + 2 * sum(
            cosine(units[i], units[j]) for i in range(len(units)) for j in range(i)
        )
        length = math.sqrt(square) or 1.0
        words = sum(m.words for m in members) / length
        numbers = max(m.numbers for m in members)
        if not words_alone(words, numbers):
            return None
        return rewrite_score(sum(m.cos for m in members) / length, numbers)

    def whole_union(
        self,
        row: ClusterArticle,
        members: Sequence[_Close],
        cut: frozenset[str] | None = None,
    ) -> float | None:
        """Return the score of an article against a story's union of whole texts, if it passes.

        ``union_score`` on whole texts: the centroid of the members' unit vectors, and the
        article's cosine with it, whose words without names must reach ``WORDS_ALONE``, or
        ``UNION_HEADLINE_WORDS`` when the article's headline shares a word written in lower
        case with a member's ("Former workers gather to see the last of their power
        station"; "... says goodbye to its power station"). A figure adds nothing here: over
        whole texts and several members one is shared by chance. A story any member of which
        the article is ``strangers`` with is not looked at: another event of the beat shares
        its words, not its cast. ``cut``: the article's ``recalled_figures``, if read already.
        """
        rows = store.cluster_articles(self.db, [m.cand.article_id for m in members])
        if len(rows) < 2:
            return None
        mine = _whole(row)
        others = [_whole(r) for r in rows]
        if any(strangers(mine.terms, f.terms, row.language) for f in others):
            return None
        df = self.counts({t for f in (mine, *others) for t in f.terms})
        prior = {k: v for f in (mine, *others) for k, v in f.prior.items()}
        vector = weighted(mine.terms, df, self.total, prior)
        units = [weighted(f.terms, df, self.total, prior) for f in others]
        square = float(len(units)) + 2 * sum(
            cosine(units[i], units[j]) for i in range(len(units)) for j in range(i)
        )
        length = math.sqrt(square) or 1.0
        cos = sum(cosine(vector, u) for u in units) / length
        words = sum(
            w * u.get(t, 0.0) for u in units for t, w in vector.items() if t[0] != NAME_PREFIX
        )
        cut = recalled_figures(row) if cut is None else cut
        numbers = max(
            shared_numbers(own_figures(mine.terms, cut), f.terms, durations=False) for f in others
        )
        headed = mine.plain_title & frozenset().union(*(f.plain_title for f in others))
        if words / length < WORDS_ALONE and not (headed and words / length >= UNION_HEADLINE_WORDS):
            return None
        return rewrite_score(cos, numbers)

    def second_look(
        self,
        row: ClusterArticle,
        near: Sequence[_Indexed],
        cut: frozenset[str] | None = None,
        *,
        pages: bool = False,
    ) -> dict[int, tuple[float, float]]:
        """Compare whole texts with the closest same-day candidates the leads did not join.

        An angle piece (an explainer, a reaction, an analysis) often names the event's facts
        only below its own lead; the rules are those of the leads, on all the text. Returns
        the stories that pass, each with its best score and the evidence beside names.
        ``cut``: the article's ``recalled_figures``, if read already. ``pages``: only
        candidates whose text is a page (``_page``) are compared.
        """
        chosen = near[-SECOND_LOOK_MAX:]
        texts = {r.id: r for r in store.cluster_articles(self.db, [c.article_id for c in chosen])}
        if not texts:
            return {}
        mine = _whole(row)
        cut = recalled_figures(row) if cut is None else cut
        others = {i: _whole(r) for i, r in texts.items()}
        df = self.counts({t for f in (mine, *others.values()) for t in f.terms})
        found: dict[int, tuple[float, float]] = {}
        for cand in chosen:
            theirs = others.get(cand.article_id)
            if theirs is None or (pages and not _page(texts[cand.article_id].text)):
                continue
            if strangers(mine.terms, theirs.terms, row.language):
                continue
            scored = whole_score(mine, theirs, df, self.total, cut, row.language)
            if scored is not None and scored > found.get(cand.story_id, (0.0, 0.0)):
                found[cand.story_id] = scored
        return found

    def index(self, article_id: int, story_id: int, article: Article) -> None:
        """Add an article of a story to the index and to the term counts."""
        feats = article.features
        df, total = self.counts(feats.terms), self.total
        norm = math.sqrt(
            sum(
                tf_idf(n, df[t], total, feats.prior.get(t, 0.0)) ** 2
                for t, n in feats.terms.items()
                if weighs(t)
            )
        )
        postings = [t for t in feats.terms if df[t] < KEY_MAX_DF]
        store.index_story_terms(
            self.db,
            article_id,
            story_id,
            article.published,
            encode(feats.terms),
            " ".join(sorted(feats.title)),
            norm,
            None if article.signature is None else article.signature.tobytes(),
            postings,
        )
        for term in feats.terms:
            self.df[term] = df[term] + 1
        self.added.update([*feats.terms, ""])
        self.total += 1


def rebuild_index(db: Database, *, now: datetime | None = None, limit: int | None = None) -> int:
    """Make the matcher's index again when it was made by other rules (``INDEX_VERSION``) or
    holds nothing (a database clustered before the matcher existed, or emptied): index the
    articles in stories of the last ``WINDOW``, oldest first; return how many were indexed.

    With ``limit``, index at most that many and record where the step stopped, so that the
    next call resumes there (the processing pass takes the window in steps and lets the bot
    answer between them; fewer than ``limit`` indexed: the index is complete). Clustering
    waits until it is (``assign_stories`` finishes what is left). Nothing to do, and one
    cheap query, when the index is current.
    """
    moment = now or store.utcnow()
    with db.atomic():
        if store.story_index_version(db) != INDEX_VERSION:
            # Terms made by other rules compare with nothing made now: index anew.
            store.reset_story_index(db, INDEX_VERSION)
        reached = store.story_index_rebuild(db)
        if reached is None:
            if store.story_term_counts(db, [""]).get("", 0):
                return 0
            reached = 0  # nothing indexed: index what the window holds, if anything
        since = max(moment - WINDOW, datetime.fromtimestamp(reached, UTC))
        rows = store.unindexed_story_articles(db, since=since, limit=limit)
        matcher = _Matcher(db)
        for row in rows:
            sig = np.frombuffer(row.signature, dtype=np.uint32) if row.signature else None
            matcher.index(row.id, row.story_id or 0, _article(row, sig))
        matcher.save_counts()
        complete = limit is None or len(rows) < limit
        store.set_story_index_rebuild(db, None if complete else _unix(rows[-1].published))
    return len(rows)


def retitled(db: Database, article_ids: Collection[int]) -> int:
    """Make again what the matcher holds of articles whose title changed, in the stories they
    are in: their copy signature (of title and text) and, for those it indexes, their terms
    (the title's among them); return how many were indexed again. No story changes."""
    rows = store.cluster_articles(db, article_ids)
    indexed = {row.id for row in rows if store.unindex_story_article(db.conn, row.id)}
    matcher = _Matcher(db)  # after the unindexing: it reads the counts without them
    signatures = []
    for row in rows:
        sig = signature(f"{row.title}\n{row.text}")
        signatures.append((sig.tobytes(), row.id))
        if row.id in indexed and row.story_id is not None:
            matcher.index(row.id, row.story_id, _article(row, sig))
    matcher.save_counts()
    db.conn.executemany(
        "update articles set signature = ? where id = ? and signature is not null", signatures
    )
    return len(indexed)


def assign_stories(db: Database, *, now: datetime | None = None, limit: int | None = None) -> int:
    """Put every article without a story into one (the oldest ``limit`` of them, if given);
    return how many.

    Stories whose membership changed get their most representative title as headline.
    """
    moment = now or store.utcnow()
    pending = list(store.articles_for_clustering(db, since=None, unassigned_only=True, limit=limit))
    with db.atomic():
        store.unindex_story_terms(db, before=_unix(moment - RETAIN))
        rebuild_index(db, now=moment)  # all of what is left of a rebuild, if one is under way
        matcher = _Matcher(db)
        touched: set[int] = set()
        for row in pending:
            article_id = row.id
            sig = signature(f"{row.title}\n{row.text}")
            article = _article(row, sig)
            found = matcher.match(article)
            published = row.published
            if found is None:
                story_id = store.new_story(db, row.title, published)
            else:
                story_id = found.story_id
                touched.add(story_id)
                for other in found.also:
                    if store.merge_stories(db, story_id, other):
                        touched.discard(other)
                if found.peel is not None and store.delivered_stories(db, [story_id]):
                    # Sent: the story stays as it was, the event's reports leave with the
                    # article for a story of their own, which is delivered in turn.
                    moved = store.split_after_first(db, found.peel, story_id)
                    if moved is not None:
                        story_id = moved
                        touched.add(moved)
                elif found.peel is not None:
                    store.split_from_story(db, found.peel, story_id)  # a story of its own
            store.attach_to_story(db, article_id, story_id, published, signature=sig.tobytes())
            matcher.index(article_id, story_id, article)
        matcher.save_counts()
        for story_id in touched:
            update_headline(db, story_id, matcher)
    return len(pending)


def representative(members: Sequence[StoryMember], df: Mapping[str, int], total: int) -> int:
    """Return the index of the member whose title is closest to the members' centroid.

    A labelled piece ("Analysis: ...", ``labelled`` in any language) is chosen only when
    every member is one: the story is its event, which a report's headline tells. A title in
    capitals ("INDIA SLAMS G7 TRADE POLICIES", ``shouted``) comes after every other: its
    words score as the others' do, and the earliest report won the story's headline with it.
    """
    centroid: Counter[str] = Counter()
    for member in members:
        centroid.update(weighted(decode(member.terms), df, total))
    norm = math.sqrt(sum(w * w for w in centroid.values())) or 1.0
    unit = {t: w / norm for t, w in centroid.items()}
    scores = [cosine(weighted(Counter(m.title_terms.split()), df, total), unit) for m in members]
    reports = [not labelled(m.title) for m in members]
    quiet = [not shouted(m.title) for m in members]
    # Ties go to the earliest report (members come in order of publication).
    return max(range(len(members)), key=lambda i: (reports[i], quiet[i], round(scores[i], 9), -i))


def shouted(title: str) -> bool:
    """Return whether a headline of two words or more is written in capitals (every cased
    letter), as some outlets write theirs; a script without case is never so."""
    return len(title.split()) > 1 and title.isupper()


def update_headline(db: Database, story_id: int, matcher: _Matcher) -> None:
    """Give a story the title of its most representative article."""
    members = store.story_members(db, story_id)
    if len(members) < 2:
        return
    df = matcher.counts({t for m in members for t in m.terms.split()})
    chosen = members[representative(members, df, matcher.total)]
    store.set_story_title(db, story_id, chosen.title)
