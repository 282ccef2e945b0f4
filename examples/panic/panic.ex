# An expected failure: the panic report and status 101.
status 101
