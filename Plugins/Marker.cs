namespace LeadScoring { public static class Polyfill { } }
