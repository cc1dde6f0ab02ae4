-- The ledger page is ordered year desc, id (ProblemRepository.list): with the index in that order a page reads
-- its own rows instead of sorting the whole county's ledger; the count stays an index-only scan.
drop index problem_by_county;
create index problem_by_county on problem (county_code, year desc, id);
