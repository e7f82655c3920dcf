"""Tests of plugins/seo_checklist: one failing and one passing page per check."""
