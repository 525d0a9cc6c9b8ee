"""The coordinators' editor of an organisation's facts and e-mail domains."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from municipalities.forms import EmailDomainFormSet, OrganisationForm
from municipalities.services import organisations
from municipalities.views.members import _denied, _organisation


def edit_organisation(request, slug):
    organisation = _organisation(slug)
    if denied := _denied(request, "edit_organisation", organisation):
        return denied
    if request.method == "POST":
        form = OrganisationForm(request.POST, instance=organisation)
        domains = EmailDomainFormSet(request.POST, instance=organisation, prefix="domains")
        if form.is_valid() and domains.is_valid():
            organisations.save_facts(request.user, organisation, form, domains)
            messages.success(
                request, _("The facts of %(organisation)s were saved.") % {"organisation": organisation.name}
            )
            return redirect(organisation)
        status = 400
    else:
        form = OrganisationForm(instance=organisation)
        domains = EmailDomainFormSet(instance=organisation, prefix="domains")
        status = 200
    context = {"organisation": organisation, "form": form, "domains": domains}
    return render(request, "municipalities/edit_organisation.html", context, status=status)
