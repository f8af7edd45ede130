// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

export const wsdlSha256 = '520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd';

export const schema = {
  "targetNamespace": "urn:order",
  "service": "OrderAPIService",
  "port": "OrderAPIPort",
  "location": "https://api.2checkout.com/soap/4.0/",
  "types": {
    "AdditionalField": {
      "kind": "struct",
      "fields": [
        {
          "name": "Code",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Label",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Type",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ApplyTo",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Values",
          "type": "ArrayOfString",
          "nillable": true
        },
        {
          "name": "ValidationRule",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Translations",
          "type": "ArrayOfAdditionalFieldTranslation",
          "nillable": true
        }
      ]
    },
    "AdditionalFieldTranslation": {
      "kind": "struct",
      "fields": [
        {
          "name": "Label",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Values",
          "type": "ArrayOfString",
          "nillable": true
        },
        {
          "name": "Language",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "AdditionalFieldValue": {
      "kind": "struct",
      "fields": [
        {
          "name": "Code",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Text",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Value",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "ArrayOfAdditionalFieldTranslation": {
      "kind": "array",
      "itemType": "AdditionalFieldTranslation"
    },
    "ArrayOfAdditionalFieldValue": {
      "kind": "array",
      "itemType": "AdditionalFieldValue"
    },
    "ArrayOfCrossSellCampaign": {
      "kind": "array",
      "itemType": "CrossSellCampaign"
    },
    "ArrayOfCrossSellProduct": {
      "kind": "array",
      "itemType": "CrossSellProduct"
    },
    "ArrayOfExistingCard": {
      "kind": "array",
      "itemType": "ExistingCard"
    },
    "ArrayOfOrderError": {
      "kind": "array",
      "itemType": "OrderError"
    },
    "ArrayOfOrderItem": {
      "kind": "array",
      "itemType": "OrderItem"
    },
    "ArrayOfOrderItemInformation": {
      "kind": "array",
      "itemType": "OrderItemInformation"
    },
    "ArrayOfOrderItemPriceOption": {
      "kind": "array",
      "itemType": "OrderItemPriceOption"
    },
    "ArrayOfOrderSubscription": {
      "kind": "array",
      "itemType": "OrderSubscription"
    },
    "ArrayOfPriceOption": {
      "kind": "array",
      "itemType": "PriceOption"
    },
    "ArrayOfPriceOptionAmount": {
      "kind": "array",
      "itemType": "PriceOptionAmount"
    },
    "ArrayOfPriceOptionGroup": {
      "kind": "array",
      "itemType": "PriceOptionGroup"
    },
    "ArrayOfPriceOptionTranslation": {
      "kind": "array",
      "itemType": "PriceOptionTranslation"
    },
    "ArrayOfString": {
      "kind": "array",
      "itemType": "xsd:string"
    },
    "ArrayOfSubscription": {
      "kind": "array",
      "itemType": "Subscription"
    },
    "BillingDetails": {
      "kind": "struct",
      "fields": [
        {
          "name": "FirstName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "LastName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Company",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "FiscalCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Email",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Address1",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Address2",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "City",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "State",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Zip",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CountryCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Phone",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "CrossSellCampaign": {
      "kind": "struct",
      "fields": [
        {
          "name": "CampaignCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Name",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "MasterProducts",
          "type": "ArrayOfString",
          "nillable": true
        },
        {
          "name": "DisplayType",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "DisplayInEmail",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "Products",
          "type": "ArrayOfCrossSellProduct",
          "nillable": true
        },
        {
          "name": "StartDate",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "EndDate",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "CrossSellProduct": {
      "kind": "struct",
      "fields": [
        {
          "name": "ProductCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Discount",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "DiscountType",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "Customer": {
      "kind": "struct",
      "fields": [
        {
          "name": "AvangateCustomerReference",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "ExternalCustomerReference",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "FirstName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "LastName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Company",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "FiscalCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Address1",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Address2",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "City",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "State",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Zip",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CountryCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Phone",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Fax",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Email",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExistingCards",
          "type": "ArrayOfExistingCard",
          "nillable": true
        },
        {
          "name": "Enabled",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "Trial",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "Language",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "DeliveryDetails": {
      "kind": "struct",
      "fields": [
        {
          "name": "FirstName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "LastName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Company",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Email",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Address1",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Address2",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "City",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "State",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Zip",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CountryCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Phone",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "EndUser": {
      "kind": "struct",
      "fields": [
        {
          "name": "FirstName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "LastName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Company",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Email",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Address1",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Address2",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "City",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "State",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Zip",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CountryCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Phone",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Fax",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Language",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "ExistingCard": {
      "kind": "struct",
      "fields": [
        {
          "name": "TransientToken",
          "type": "TransientToken",
          "nillable": true
        },
        {
          "name": "CardType",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "FirstDigits",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "LastDigits",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExpirationMonth",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExpirationYear",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "HolderName",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "Order": {
      "kind": "struct",
      "fields": [
        {
          "name": "RefNo",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Currency",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Country",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Language",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CustomerIP",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExternalReference",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Source",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "AffiliateId",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "CustomerReference",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "ExternalCustomerReference",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "LocalTime",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Items",
          "type": "ArrayOfOrderItem",
          "nillable": true
        },
        {
          "name": "BillingDetails",
          "type": "BillingDetails",
          "nillable": true
        },
        {
          "name": "DeliveryDetails",
          "type": "DeliveryDetails",
          "nillable": true
        },
        {
          "name": "PaymentDetails",
          "type": "PaymentDetails",
          "nillable": true
        },
        {
          "name": "Promotions",
          "type": "ArrayOfString",
          "nillable": true
        }
      ]
    },
    "OrderError": {
      "kind": "struct",
      "fields": [
        {
          "name": "Code",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Message",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "OrderExtraInformation": {
      "kind": "struct",
      "fields": [
        {
          "name": "PaymentLink",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "OrderInformation": {
      "kind": "struct",
      "fields": [
        {
          "name": "RefNo",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "OrderNo",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "ExternalReference",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ShopperRefNo",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Status",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ApproveStatus",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "VendorApproveStatus",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Language",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "OrderDate",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "FinishDate",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Source",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "AffiliateSource",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "AffiliateId",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "AffiliateName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "AffiliateUrl",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "RecurringEnabled",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "HasShipping",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "BillingDetails",
          "type": "BillingDetails",
          "nillable": true
        },
        {
          "name": "DeliveryDetails",
          "type": "DeliveryDetails",
          "nillable": true
        },
        {
          "name": "PaymentDetails",
          "type": "PaymentDetails",
          "nillable": true
        },
        {
          "name": "CustomerDetails",
          "type": "Customer",
          "nillable": true
        },
        {
          "name": "Origin",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "AvangateCommission",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "OrderFlow",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExtraInformation",
          "type": "OrderExtraInformation",
          "nillable": true
        },
        {
          "name": "PartnerCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "PartnerMargin",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "PartnerMarginPercent",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "ExtraMargin",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "ExtraMarginPercent",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "ExtraDiscount",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "ExtraDiscountPercent",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "LocalTime",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "TestOrder",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "Errors",
          "type": "ArrayOfOrderError",
          "nillable": true
        },
        {
          "name": "Items",
          "type": "ArrayOfOrderItemInformation",
          "nillable": true
        },
        {
          "name": "Promotions",
          "type": "ArrayOfString",
          "nillable": true
        },
        {
          "name": "AdditionalFields",
          "type": "ArrayOfAdditionalFieldValue",
          "nillable": true
        },
        {
          "name": "Currency",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "NetPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "GrossPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "NetDiscountedPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "GrossDiscountedPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "Discount",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "VAT",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "AffiliateCommission",
          "type": "xsd:double",
          "nillable": true
        }
      ]
    },
    "OrderItem": {
      "kind": "struct",
      "fields": [
        {
          "name": "Code",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Quantity",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "PriceOptions",
          "type": "ArrayOfString",
          "nillable": true
        },
        {
          "name": "SKU",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Price",
          "type": "OrderItemPrice",
          "nillable": true
        },
        {
          "name": "CrossSell",
          "type": "OrderItemCrossSell",
          "nillable": true
        },
        {
          "name": "Trial",
          "type": "OrderItemTrial",
          "nillable": true
        },
        {
          "name": "AdditionalFields",
          "type": "ArrayOfAdditionalFieldValue",
          "nillable": true
        },
        {
          "name": "Promotion",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "OrderItemCrossSell": {
      "kind": "struct",
      "fields": [
        {
          "name": "ParentCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CampaignCode",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "OrderItemInformation": {
      "kind": "struct",
      "fields": [
        {
          "name": "ProductDetails",
          "type": "OrderProductDetails",
          "nillable": true
        },
        {
          "name": "PriceOptions",
          "type": "ArrayOfOrderItemPriceOption",
          "nillable": true
        },
        {
          "name": "Price",
          "type": "Price",
          "nillable": true
        },
        {
          "name": "Code",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Quantity",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "SKU",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CrossSell",
          "type": "OrderItemCrossSell",
          "nillable": true
        },
        {
          "name": "Trial",
          "type": "OrderItemTrial",
          "nillable": true
        },
        {
          "name": "AdditionalFields",
          "type": "ArrayOfAdditionalFieldValue",
          "nillable": true
        },
        {
          "name": "Promotion",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "OrderItemPrice": {
      "kind": "struct",
      "fields": [
        {
          "name": "Amount",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "Type",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "OrderItemPriceOption": {
      "kind": "struct",
      "fields": [
        {
          "name": "Code",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Required",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "Options",
          "type": "ArrayOfString",
          "nillable": true
        }
      ]
    },
    "OrderItemTrial": {
      "kind": "struct",
      "fields": [
        {
          "name": "Period",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "PeriodUnit",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Price",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "GrossPrice",
          "type": "xsd:double",
          "nillable": true
        }
      ]
    },
    "OrderProductDetails": {
      "kind": "struct",
      "fields": [
        {
          "name": "Name",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExtraInfo",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "RenewalStatus",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "Subscriptions",
          "type": "ArrayOfOrderSubscription",
          "nillable": true
        }
      ]
    },
    "OrderSubscription": {
      "kind": "struct",
      "fields": [
        {
          "name": "SubscriptionReference",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "PurchaseDate",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "SubscriptionStartDate",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExpirationDate",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Lifetime",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "Trial",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "LicenseCode",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "PaymentDetails": {
      "kind": "struct",
      "fields": [
        {
          "name": "Type",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Currency",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CustomerIP",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "PaymentMethod",
          "type": "PaymentMethod",
          "nillable": true
        }
      ]
    },
    "PaymentMethod": {
      "kind": "struct",
      "fields": [
        {
          "name": "CardNumber",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CardType",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExpirationYear",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExpirationMonth",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "CCID",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "HolderName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "RecurringEnabled",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "FirstDigits",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "LastDigits",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "Price": {
      "kind": "struct",
      "fields": [
        {
          "name": "UnitNetPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "UnitGrossPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "UnitVAT",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "UnitDiscount",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "UnitNetDiscountedPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "UnitGrossDiscountedPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "UnitAffiliateCommission",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "Currency",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "NetPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "GrossPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "NetDiscountedPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "GrossDiscountedPrice",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "Discount",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "VAT",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "AffiliateCommission",
          "type": "xsd:double",
          "nillable": true
        }
      ]
    },
    "PriceOption": {
      "kind": "struct",
      "fields": [
        {
          "name": "Code",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Name",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Description",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Translations",
          "type": "ArrayOfPriceOptionTranslation",
          "nillable": true
        },
        {
          "name": "ScaleMin",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "ScaleMax",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "SubscriptionImpact",
          "type": "PriceOptionSubscriptionImpact",
          "nillable": true
        },
        {
          "name": "PriceImpact",
          "type": "PriceOptionPriceImpact",
          "nillable": true
        },
        {
          "name": "Default",
          "type": "xsd:boolean",
          "nillable": true
        }
      ]
    },
    "PriceOptionAmount": {
      "kind": "struct",
      "fields": [
        {
          "name": "Currency",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Amount",
          "type": "xsd:double",
          "nillable": true
        }
      ]
    },
    "PriceOptionGroup": {
      "kind": "struct",
      "fields": [
        {
          "name": "Code",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Name",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Description",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Translations",
          "type": "ArrayOfPriceOptionTranslation",
          "nillable": true
        },
        {
          "name": "Type",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Required",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "Options",
          "type": "ArrayOfPriceOption",
          "nillable": true
        }
      ]
    },
    "PriceOptionGroupSearchOptions": {
      "kind": "struct",
      "fields": [
        {
          "name": "Name",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Types",
          "type": "ArrayOfString",
          "nillable": true
        },
        {
          "name": "Limit",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "Page",
          "type": "xsd:int",
          "nillable": true
        }
      ]
    },
    "PriceOptionPriceImpact": {
      "kind": "struct",
      "fields": [
        {
          "name": "ImpactOn",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Method",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Percent",
          "type": "xsd:double",
          "nillable": true
        },
        {
          "name": "Amounts",
          "type": "ArrayOfPriceOptionAmount",
          "nillable": true
        },
        {
          "name": "Impact",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "PriceOptionSubscriptionImpact": {
      "kind": "struct",
      "fields": [
        {
          "name": "Months",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Impact",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "PriceOptionTranslation": {
      "kind": "struct",
      "fields": [
        {
          "name": "Name",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Description",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Language",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    },
    "Subscription": {
      "kind": "struct",
      "fields": [
        {
          "name": "SubscriptionReference",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "AvangateCustomerReference",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "ExternalCustomerReference",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "MerchantCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "StartDate",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ExpirationDate",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "RecurringEnabled",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "SubscriptionEnabled",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "Lifetime",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "TestSubscription",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "IsTrial",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "SKU",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ReceiveNotifications",
          "type": "xsd:boolean",
          "nillable": true
        },
        {
          "name": "PartnerCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "Product",
          "type": "SubscriptionProduct",
          "nillable": true
        },
        {
          "name": "EndUser",
          "type": "EndUser",
          "nillable": true
        }
      ]
    },
    "SubscriptionProduct": {
      "kind": "struct",
      "fields": [
        {
          "name": "ProductCode",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ProductId",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "ProductName",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "ProductQuantity",
          "type": "xsd:int",
          "nillable": true
        },
        {
          "name": "ProductVersion",
          "type": "xsd:string",
          "nillable": true
        },
        {
          "name": "PriceOptionCodes",
          "type": "ArrayOfString",
          "nillable": true
        }
      ]
    },
    "TransientToken": {
      "kind": "struct",
      "fields": [
        {
          "name": "Token",
          "type": "xsd:string",
          "nillable": true
        }
      ]
    }
  },
  "operations": {
    "login": {
      "soapAction": "urn:order#login",
      "input": [
        {
          "name": "merchantCode",
          "type": "xsd:string"
        },
        {
          "name": "date",
          "type": "xsd:string"
        },
        {
          "name": "hash",
          "type": "xsd:string"
        },
        {
          "name": "algo",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "loginReturn",
        "type": "xsd:string"
      }
    },
    "createCustomer": {
      "soapAction": "urn:order#createCustomer",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "Customer",
          "type": "Customer"
        }
      ],
      "output": {
        "name": "createCustomerReturn",
        "type": "xsd:int"
      }
    },
    "getCustomerInformation": {
      "soapAction": "urn:order#getCustomerInformation",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "AvangateCustomerReference",
          "type": "xsd:int"
        },
        {
          "name": "ExternalCustomerReference",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "getCustomerInformationReturn",
        "type": "Customer"
      }
    },
    "updateCustomerInformation": {
      "soapAction": "urn:order#updateCustomerInformation",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "Customer",
          "type": "Customer"
        },
        {
          "name": "UpdateEndUserSubscriptions",
          "type": "xsd:boolean"
        }
      ],
      "output": {
        "name": "updateCustomerInformationReturn",
        "type": "xsd:boolean"
      }
    },
    "getCustomerSubscriptions": {
      "soapAction": "urn:order#getCustomerSubscriptions",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "AvangateCustomerReference",
          "type": "xsd:int"
        },
        {
          "name": "ExternalCustomerReference",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "getCustomerSubscriptionsReturn",
        "type": "ArrayOfSubscription"
      }
    },
    "getCustomerInformationBySSOToken": {
      "soapAction": "urn:order#getCustomerInformationBySSOToken",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "SingleSignOnToken",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "getCustomerInformationBySSOTokenReturn",
        "type": "Customer"
      }
    },
    "getSingleSignOnInCart": {
      "soapAction": "urn:order#getSingleSignOnInCart",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "IdCustomer",
          "type": "xsd:string"
        },
        {
          "name": "CustomerType",
          "type": "xsd:string"
        },
        {
          "name": "Url",
          "type": "xsd:string"
        },
        {
          "name": "ValidityTime",
          "type": "xsd:int"
        },
        {
          "name": "ValidationIp",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "getSingleSignOnInCartReturn",
        "type": "xsd:string"
      }
    },
    "setSubscriptionCustomer": {
      "soapAction": "urn:order#setSubscriptionCustomer",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "SubscriptionReference",
          "type": "xsd:string"
        },
        {
          "name": "AvangateCustomerReference",
          "type": "xsd:int"
        },
        {
          "name": "ExternalCustomerReference",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "setSubscriptionCustomerReturn",
        "type": "xsd:boolean"
      }
    },
    "getProductCrossSellCampaigns": {
      "soapAction": "urn:order#getProductCrossSellCampaigns",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "ProductCode",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "getProductCrossSellCampaignsReturn",
        "type": "ArrayOfCrossSellCampaign"
      }
    },
    "searchPriceOptionGroups": {
      "soapAction": "urn:order#searchPriceOptionGroups",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "SearchOptions",
          "type": "PriceOptionGroupSearchOptions"
        }
      ],
      "output": {
        "name": "searchPriceOptionGroupsReturn",
        "type": "ArrayOfPriceOptionGroup"
      }
    },
    "getPriceOptionGroup": {
      "soapAction": "urn:order#getPriceOptionGroup",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "PriceOptionGroupCode",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "getPriceOptionGroupReturn",
        "type": "PriceOptionGroup"
      }
    },
    "assignAdditionalField": {
      "soapAction": "urn:order#assignAdditionalField",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "FieldCode",
          "type": "xsd:string"
        },
        {
          "name": "Required",
          "type": "xsd:boolean"
        },
        {
          "name": "ProductCode",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "assignAdditionalFieldReturn",
        "type": "xsd:boolean"
      }
    },
    "unassignAdditionalField": {
      "soapAction": "urn:order#unassignAdditionalField",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "FieldCode",
          "type": "xsd:string"
        },
        {
          "name": "ProductCode",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "unassignAdditionalFieldReturn",
        "type": "xsd:boolean"
      }
    },
    "updateAdditionalField": {
      "soapAction": "urn:order#updateAdditionalField",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "FieldCode",
          "type": "xsd:string"
        },
        {
          "name": "AdditionalField",
          "type": "AdditionalField"
        }
      ],
      "output": {
        "name": "updateAdditionalFieldReturn",
        "type": "xsd:boolean"
      }
    },
    "getAdditionalField": {
      "soapAction": "urn:order#getAdditionalField",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "FieldCode",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "getAdditionalFieldReturn",
        "type": "AdditionalField"
      }
    },
    "placeOrder": {
      "soapAction": "urn:order#placeOrder",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "Order",
          "type": "Order"
        }
      ],
      "output": {
        "name": "placeOrderReturn",
        "type": "OrderInformation"
      }
    },
    "copyPaymentInfo": {
      "soapAction": "urn:order#copyPaymentInfo",
      "input": [
        {
          "name": "sessionID",
          "type": "xsd:string"
        },
        {
          "name": "TargetSubscriptionReference",
          "type": "xsd:string"
        },
        {
          "name": "SubscriptionReference",
          "type": "xsd:string"
        }
      ],
      "output": {
        "name": "copyPaymentInfoReturn",
        "type": "xsd:boolean"
      }
    }
  }
} as const;

export type Schema = typeof schema;
