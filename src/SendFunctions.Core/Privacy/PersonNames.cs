namespace SendFunctions.Core.Privacy;

/// <summary>
/// What the postcode rule takes for a person's name: a title and a capitalised word (Mrs Jones, Dr A. Patel), or two or
/// more capitalised words in a row, with initials between them allowed (Jane Smith, Jane M. Smith, J. Smith). A word
/// that names a place, a building, an organisation, a month or a day, or that often opens a sentence, is never part of
/// a name (<see cref="NotNames"/>), so "Arrowe Park Hospital" and "Birkenhead Town Hall" are not names. Names written
/// in capitals or in lower case are not recognised.
/// </summary>
internal static class PersonNames
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Master" };

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // addresses
        "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Drive", "Close", "Crescent", "Way", "Place", "Square",
        "Terrace", "Grove", "Gardens", "Park", "Hill", "View", "Walk", "Row", "Mews", "Parade", "Rise", "Vale", "Green", "Court",
        "Yard", "Quay", "Dock", "Docks", "Wharf", "Bridge", "Cross", "Gate", "End", "Side", "Field", "Fields", "Wood", "Moor",
        "Heath", "Bank", "Brow", "Boulevard", "Circus", "Approach",

        // buildings and organisations
        "Building", "Buildings", "House", "Centre", "Center", "Hall", "Hub", "Office", "Offices", "Campus", "Hospital", "Clinic",
        "Surgery", "Practice", "School", "Schools", "Academy", "College", "University", "Nursery", "Council", "Borough", "Ward",
        "Unit", "Floor", "Block", "Suite", "Library", "Church", "Chapel", "Station", "Trust", "Service", "Services", "Team",
        "Board", "Partnership", "Authority", "Department", "Directorate", "Health", "Care", "Children", "Childrens", "Children's",
        "Family", "Families", "Education", "Community", "Town", "City", "Village", "Estate", "Industrial", "Business", "Retail",
        "Shopping", "Market", "Municipal", "Civic", "Zone", "Lodge", "Tower", "Towers", "Works", "Mill", "Chambers", "Central",
        "Primary", "Secondary", "High", "Special", "Infant", "Infants", "Junior", "Juniors", "Youth", "Forum", "Panel", "Group",
        "Parent", "Parents", "Carer", "Carers", "Local", "Area", "Programme", "Project", "Plan", "Strategy", "Review", "Venue",

        // place-name qualifiers
        "North", "South", "East", "West", "Upper", "Lower", "Great", "Little", "New", "Old", "Saint", "Port", "Royal",

        // months and days
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",

        // words that open sentences and clauses
        "The", "This", "That", "These", "Those", "Our", "We", "It", "Its", "In", "At", "On", "For", "From", "To", "By", "With",
        "And", "Or", "Of", "As", "Is", "Was", "Are", "Be", "Has", "Have", "Had", "Will", "Would", "Can", "Could", "Should", "May",
        "Please", "Contact", "Sent", "Moved", "Based", "Located", "Opened", "Opens", "Now", "All", "Each", "Every", "Meeting",
        "Visit", "Address", "Postcode", "Tel", "Email", "Phone", "Mobile", "Ref", "Via", "Near", "Next", "Above", "Below",
        "Agreed", "Completed", "Delayed", "See", "Update", "Note", "Action", "Awaiting", "Following", "After", "Before",
    };

    /// <summary>The part of text[from..to) in the same sentence as <paramref name="to"/>; a word cut by the window is dropped.</summary>
    public static (int Start, int End) SentenceBefore(string text, int from, int to)
    {
        var start = from;
        if (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            while (start < to && !char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        for (var i = to - 1; i >= start; i--)
        {
            if (IsSentenceBreak(text, i))
            {
                return (i + 1, to);
            }
        }

        return (start, to);
    }

    /// <summary>The part of text[from..to) in the same sentence as <paramref name="from"/>.</summary>
    public static (int Start, int End) SentenceAfter(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (IsSentenceBreak(text, i))
            {
                return (from, i);
            }
        }

        return (from, to);
    }

    /// <summary>The first name in text[range], as a span of the text.</summary>
    public static (int Start, int End)? Find(string text, (int Start, int End) range)
    {
        var name = default(Candidate);
        var i = range.Start;
        while (i < range.End)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var tokenStart = i;
            while (i < range.End && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var token = Token.Read(text, tokenStart, i);
            if (token.BreakBefore)
            {
                name = default;
            }

            var part = Classify(text.AsSpan(token.Start, token.End - token.Start));
            name = name.Add(token.Start, part);
            if (name.IsName)
            {
                return (name.Start, token.End);
            }

            if (token.BreakAfter && !(token.FullStopOnly && part is Part.Title or Part.Initial))
            {
                name = default;
            }
        }

        return null;
    }

    private static Part Classify(ReadOnlySpan<char> word)
    {
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return Part.Initial;
        }

        var text = word.ToString();
        return Titles.Contains(text) ? Part.Title
            : IsCapitalised(word) && !NotNames.Contains(text) ? Part.Word
            : Part.Other;
    }

    /// <summary>Jane, McDonald, MacLeod, O'Brien, Smith-Jones; not SEND, EHCPs, iPad or CH41.</summary>
    private static bool IsCapitalised(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 30 || !char.IsUpper(word[0]))
        {
            return false;
        }

        var lower = false;
        for (var i = 1; i < word.Length; i++)
        {
            var ch = word[i];
            if (char.IsLower(ch))
            {
                lower = true;
            }
            else if (char.IsUpper(ch))
            {
                var joined = word[i - 1] is '\'' or '\u2019' or '-' || (i == 2 && word.StartsWith("Mc")) || (i == 3 && word.StartsWith("Mac"));
                if (!joined)
                {
                    return false;
                }
            }
            else if (ch is not ('\'' or '\u2019' or '-'))
            {
                return false;
            }
        }

        return lower;
    }

    /// <summary>A line end, !, ?, ; or |, or a full stop ending a word of more than three letters (so not "Mr.", "St." or "J.").</summary>
    private static bool IsSentenceBreak(string text, int i)
    {
        var ch = text[i];
        if (ch is '\n' or '\r' or '!' or '?' or ';' or '|')
        {
            return true;
        }

        if (ch != '.' || (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])))
        {
            return false;
        }

        var letters = 0;
        for (var j = i - 1; j >= 0 && char.IsLetter(text[j]); j--)
        {
            letters++;
        }

        return letters > 3;
    }

    private enum Part
    {
        Title,
        Initial,
        Word,
        Other,
    }

    /// <summary>
    /// A word without the punctuation around it, as positions in the text: "(Jane" breaks a name before it, "Smith," after
    /// it; "J." and "Mr." do not (see <see cref="Find"/>).
    /// </summary>
    private readonly record struct Token(int Start, int End, bool BreakBefore, bool BreakAfter, bool FullStopOnly)
    {
        public static Token Read(string text, int from, int to)
        {
            var start = from;
            while (start < to && !char.IsLetterOrDigit(text[start]))
            {
                start++;
            }

            var end = to;
            while (end > start && !char.IsLetterOrDigit(text[end - 1]))
            {
                end--;
            }

            return new Token(start, end, start > from, end < to, end == to - 1 && text[end] == '.');
        }
    }

    /// <summary>The name being read: where it starts, whether a title opened it, and how many initials and capitalised words follow.</summary>
    private readonly record struct Candidate(int Start, bool Title, int Initials, int Words)
    {
        public bool IsName => (Title && Words >= 1) || Words >= 2 || (Initials >= 1 && Words >= 1);

        private bool Empty => !Title && Initials == 0 && Words == 0;

        public Candidate Add(int start, Part part) => part switch
        {
            Part.Title => new Candidate(start, true, 0, 0),
            Part.Initial => Empty ? new Candidate(start, false, 1, 0) : this with { Initials = Initials + 1 },
            Part.Word => Empty ? new Candidate(start, false, 0, 1) : this with { Words = Words + 1 },
            _ => default,
        };
    }
}
